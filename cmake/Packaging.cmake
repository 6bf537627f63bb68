# The Debian package (`cpack -G DEB` in the build folder; scripts/build-deb.sh does it all):
# one package, imagecache-console, with the console, the CLI and the emulator. They share one
# version, one store and one catalogue, and the emulator is what the console's --demo runs, so a
# split would only add packages that are always installed together.
set(CPACK_PACKAGE_NAME "imagecache-console")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "ImageCache Console maintainers")
set(CPACK_PACKAGE_CONTACT "ImageCache Console maintainers <maintainers@imagecacheconsole.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "image caches of Huawei Cloud CCE Autopilot and Alibaba Cloud ECI")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # imagecache-console_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE "")
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${IMAGECACHE_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents these lines and turns the
# empty one into the " ." paragraph break.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "ImageCache Console shows every image cache of Huawei Cloud CCE Autopilot
and Alibaba Cloud ECI, across accounts and regions, in one live table:
create, update and delete them with the providers' rules checked as you
type, follow their progress, read the history of every change, export any
view as CSV. Teams can share one inventory on PostgreSQL.

The package contains the imagecache-console desktop application, the
imagecache command-line tool and imagecache-emulator, a local stand-in
for both clouds used by the demo and the tests.")
# Libraries from dpkg-shlibdeps; below, what is loaded at run time and so invisible to it:
# the store's SQL drivers, the SVG icon plugins, the X11/Wayland platform plugins, and Qt's own
# zh_CN catalogue (qtbase_zh_CN.qm) that the console loads for Qt's buttons and dialogs.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, libqt6sql6-psql, libqt6svg6, qt6-qpa-plugins, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-client")
set(CPACK_GENERATOR "DEB")
include(CPack)
