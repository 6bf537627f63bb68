// Qt's own strings (standard buttons) follow the console's language: --lang zh_CN goes through
// ui::installTranslations, which must find qtbase_zh_CN.qm (Debian: qt6-translations-l10n).
// In English (and any language without a catalogue) counts read as English plurals.

#include "ui/translations.h"
#include "workload/coverage.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTranslator>

class TestQtTranslations final : public QObject
{
    Q_OBJECT
private slots:
    void cleanup();
    void standardButtonsAreChineseUnderZhCn();
    void countsReadAsEnglishPlurals_data();
    void countsReadAsEnglishPlurals();
    void countsAreChineseUnderZhCn();
};

// Each test starts from the source strings: the translators of the one before are removed.
void TestQtTranslations::cleanup()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

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

void TestQtTranslations::countsReadAsEnglishPlurals_data()
{
    QTest::addColumn<QString>("lang");
    QTest::newRow("English") << QStringLiteral("en_US");
    QTest::newRow("British English") << QStringLiteral("en_GB");
    QTest::newRow("a language without a catalogue") << QStringLiteral("de_DE");
}

void TestQtTranslations::countsReadAsEnglishPlurals()
{
    QFETCH(QString, lang);
    ui::installTranslations(*qApp, lang);
    // What the Coverage view's summary and `imagecache coverage` print.
    workload::CoverageReport report;
    QCOMPARE(report.summaryText(),
             QStringLiteral("0 workloads · 0 images · 0 containers · 0 covered · 0 partial · 0 "
                            "not covered"));
    report.manifests.skippedDocuments = 1;
    QVERIFY2(report.summaryText().endsWith(QStringLiteral("· 1 document skipped (not workloads)")),
             qPrintable(report.summaryText()));
    QCOMPARE(QCoreApplication::translate("workload::Coverage", "%n day(s)", nullptr, 1),
             QStringLiteral("1 day"));
    QCOMPARE(QCoreApplication::translate("workload::Coverage", "%n day(s)", nullptr, 3),
             QStringLiteral("3 days"));
}

void TestQtTranslations::countsAreChineseUnderZhCn()
{
    ui::installTranslations(*qApp, QStringLiteral("zh_CN"));
    const QString summary = workload::CoverageReport{}.summaryText();
    QVERIFY2(!summary.contains(QLatin1String("workload"))
                 && !summary.contains(QLatin1String("(s)")),
             qPrintable(summary));
}

QTEST_MAIN(TestQtTranslations)
#include "tst_qttranslations.moc"
