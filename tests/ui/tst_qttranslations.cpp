// Qt's own strings (standard buttons) follow the console's language: --lang zh_CN goes through
// ui::installTranslations, which must find qtbase_zh_CN.qm (Debian: qt6-translations-l10n).

#include "ui/translations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>

class TestQtTranslations final : public QObject
{
    Q_OBJECT
private slots:
    void standardButtonsAreChineseUnderZhCn();
};

void TestQtTranslations::standardButtonsAreChineseUnderZhCn()
{
    const QString qm
        = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_zh_CN.qm");
    if (!QFileInfo::exists(qm))
        QSKIP(qPrintable(QStringLiteral("%1 is not installed (Debian package "
                                        "qt6-translations-l10n, see scripts/install-deps.sh)")
                             .arg(qm)));
    QVERIFY(ui::installTranslations(*qApp, QStringLiteral("zh_CN")));

    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')),
             QStringLiteral("取消"));
    QMessageBox box(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("t"),
                    QMessageBox::Yes | QMessageBox::Cancel);
    QVERIFY(box.button(QMessageBox::Cancel)->text().startsWith(QStringLiteral("取消")));
    QVERIFY(box.button(QMessageBox::Yes)->text().startsWith(QStringLiteral("是")));
}

QTEST_MAIN(TestQtTranslations)
#include "tst_qttranslations.moc"
