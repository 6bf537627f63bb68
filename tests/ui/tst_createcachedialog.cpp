#include "ui/createcachedialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFocusEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using ui::CacheTarget;
using ui::CreateCacheDialog;

namespace {
QList<CacheTarget> targets()
{
    return {{QStringLiteral("hw"), QStringLiteral("Huawei prod"), QStringLiteral("cn-north-4"),
             core::Provider::Huawei},
            {QStringLiteral("ali"), QStringLiteral("Alibaba prod"), QStringLiteral("cn-hangzhou"),
             core::Provider::Alibaba}};
}

QPushButton *okButton(CreateCacheDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

// The user leaves the field (Tab, a click elsewhere).
void leave(QWidget *field)
{
    QFocusEvent out(QEvent::FocusOut, Qt::TabFocusReason);
    QApplication::sendEvent(field, &out);
}

// Every input of the form, with its place in the dialog.
QList<std::pair<QWidget *, QRect>> fieldGeometry(QDialog &dialog)
{
    QList<std::pair<QWidget *, QRect>> out;
    for (QWidget *w : dialog.findChildren<QWidget *>()) {
        if (!w->isVisible()
            || !(qobject_cast<QLineEdit *>(w) || qobject_cast<QPlainTextEdit *>(w)
                 || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w)
                 || qobject_cast<QCheckBox *>(w) || qobject_cast<QPushButton *>(w)))
            continue;
        out.append({w, QRect(w->mapTo(&dialog, QPoint(0, 0)), w->size())});
    }
    return out;
}

QList<QLineEdit *> lineEdits(CreateCacheDialog &dialog)
{
    return dialog.findChildren<QLineEdit *>();
}
} // namespace

class TestCreateCacheDialog final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void pastedImageLinesAreSplitAndDeduplicated()
    {
        const QString pasted = QStringLiteral("nginx:1.25\n\n  busybox:latest  # the shell\n"
                                              "redis:7, nginx:1.25\r\n# a comment line\n");
        QCOMPARE(CreateCacheDialog::parseImageLines(pasted),
                 (QStringList{QStringLiteral("nginx:1.25"), QStringLiteral("busybox:latest"),
                              QStringLiteral("redis:7")}));
    }

    void invalidHuaweiNameIsMarkedAndBlocksCreate()
    {
        CreateCacheDialog dialog(CreateCacheDialog::Mode::Create, targets());
        auto *name = dialog.findChildren<QLineEdit *>().at(0);
        auto *images = dialog.findChildren<QPlainTextEdit *>().at(0);
        images->setPlainText(QStringLiteral("nginx:1.25"));
        // The cluster is the first line edit of the Huawei group box.
        QLineEdit *cluster = nullptr;
        for (QLineEdit *edit : lineEdits(dialog)) {
            if (edit->placeholderText().contains(QLatin1String("cluster")))
                cluster = edit;
        }
        QVERIFY(cluster);
        cluster->setText(QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113"));

        QTest::keyClicks(name, QStringLiteral("Bad_Name-"));
        QVERIFY(!name->property("invalid").toBool()); // not while the user is still typing
        leave(name);
        QVERIFY(name->property("invalid").toBool());
        QVERIFY2(!name->toolTip().isEmpty(), "the marked field explains the rule");
        const auto *errors = dialog.findChild<QLabel *>(QStringLiteral("validationErrors"));
        QVERIFY(errors->text().contains(QLatin1String("name"), Qt::CaseInsensitive));

        // OK does not send it: the dialog stays, with the field focused.
        okButton(dialog)->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.errors().isEmpty());

        name->clear();
        QTest::keyClicks(name, QStringLiteral("good-name-1"));
        QVERIFY2(
            dialog.errors().isEmpty(),
            qPrintable(dialog.errors().isEmpty() ? QString() : dialog.errors().first().message));
        QVERIFY(!name->property("invalid").toBool());
        const core::CacheSpec spec = dialog.spec();
        QCOMPARE(spec.name, QStringLiteral("good-name-1"));
        QCOMPARE(spec.images, QStringList{QStringLiteral("nginx:1.25")});
        QCOMPARE(spec.cluster, QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113"));
    }

    void huaweiSizeOutsideRangeIsRejected()
    {
        CreateCacheDialog dialog(CreateCacheDialog::Mode::Create, targets());
        auto *size = dialog.findChildren<QSpinBox *>().at(0);
        // The spin box itself stops at 400 for Huawei: the documented maximum.
        size->setValue(1000);
        QCOMPARE(size->value(), 400);
    }

    void alibabaRequiresNetworkFields()
    {
        CreateCacheDialog dialog(CreateCacheDialog::Mode::Create, targets());
        auto *target = dialog.findChildren<QComboBox *>().at(0);
        target->setCurrentIndex(1);
        dialog.findChildren<QLineEdit *>().at(0)->setText(QStringLiteral("eci-cache"));
        dialog.findChildren<QPlainTextEdit *>().at(0)->setPlainText(QStringLiteral("nginx:1.25"));
        QVERIFY(!dialog.errors().isEmpty());
        QStringList fields;
        for (const core::FieldError &error : dialog.errors())
            fields.append(error.field);
        QVERIFY2(fields.join(',').contains(QLatin1String("SecurityGroupId")),
                 qPrintable(fields.join(',')));
        QVERIFY(fields.join(',').contains(QLatin1String("VSwitchId")));
    }

    void opensWithoutMessages()
    {
        CreateCacheDialog dialog(CreateCacheDialog::Mode::Create, targets());
        QVERIFY(!dialog.errors().isEmpty()); // nothing is filled in yet
        const auto *errors = dialog.findChild<QLabel *>(QStringLiteral("validationErrors"));
        QVERIFY2(errors->text().isEmpty(), qPrintable(errors->text()));
        for (QWidget *w : dialog.findChildren<QWidget *>())
            QVERIFY2(!w->property("invalid").toBool(), qPrintable(w->objectName()));
        QVERIFY(okButton(dialog)->isEnabled());
    }

    void messagesArePlainWords_data()
    {
        QTest::addColumn<int>("target");
        QTest::newRow("huawei") << 0;
        QTest::newRow("alibaba") << 1;
    }

    void messagesArePlainWords()
    {
        QFETCH(int, target);
        CreateCacheDialog dialog(CreateCacheDialog::Mode::Create, targets());
        dialog.findChildren<QComboBox *>().at(0)->setCurrentIndex(target);
        okButton(dialog)->click();
        const QString text = dialog.findChild<QLabel *>(QStringLiteral("validationErrors"))->text();
        QVERIFY(!text.isEmpty());
        for (const char *parameter : {"ImageCacheName", "SecurityGroupId", "VSwitchId",
                                      "building_config", "image_cache_size", "Image "})
            QVERIFY2(!text.contains(QLatin1String(parameter)), qPrintable(text));
        for (const core::FieldError &error : dialog.errors())
            QVERIFY2(!error.message.contains(error.field) || error.field == error.field.toLower(),
                     qPrintable(error.message));
    }

    // Messages come and go in a place reserved for them: no input moves or resizes.
    void fieldsDoNotMoveWhenMessagesAppear_data()
    {
        QTest::addColumn<int>("target");
        QTest::newRow("huawei") << 0;
        QTest::newRow("alibaba") << 1;
    }

    void fieldsDoNotMoveWhenMessagesAppear()
    {
        QFETCH(int, target);
        CreateCacheDialog dialog(CreateCacheDialog::Mode::Create, targets());
        dialog.findChildren<QComboBox *>().at(0)->setCurrentIndex(target);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const auto before = fieldGeometry(dialog);
        const QSize size = dialog.size();
        QVERIFY(before.size() > 5);

        auto *name = dialog.findChildren<QLineEdit *>().at(0);
        QTest::keyClicks(name, QStringLiteral("Bad_Name"));
        leave(name); // one message
        QCoreApplication::processEvents();
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("validationErrors"))->text().isEmpty());
        QCOMPARE(fieldGeometry(dialog), before);
        okButton(dialog)->click(); // every message
        QCoreApplication::processEvents();
        QVERIFY(dialog.isVisible());
        QCOMPARE(fieldGeometry(dialog), before);
        QCOMPARE(dialog.size(), size);
        name->setText(QStringLiteral("good-name")); // one message fewer
        QCoreApplication::processEvents();
        QCOMPARE(fieldGeometry(dialog), before);
        // The invalid spin box keeps its size (no style-sheet border).
        auto *spin = dialog.findChildren<QSpinBox *>().at(0);
        spin->setValue(5);
        QCoreApplication::processEvents();
        QCOMPARE(fieldGeometry(dialog), before);
        QVERIFY(spin->styleSheet().isEmpty());
    }

    // Under zh_CN the messages are Chinese: no English words are left but product and format
    // names (CCE Autopilot, GiB, sg-xxxxxxxx, ...).
    void chineseMessagesAreChinese_data()
    {
        QTest::addColumn<int>("target");
        QTest::newRow("huawei") << 0;
        QTest::newRow("alibaba") << 1;
    }

    void chineseMessagesAreChinese()
    {
        QFETCH(int, target);
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::Chinese, QLocale::China),
                                QStringLiteral("imagecache"), QStringLiteral("_"),
                                QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&translator);
        CreateCacheDialog dialog(CreateCacheDialog::Mode::Create, targets());
        dialog.findChildren<QComboBox *>().at(0)->setCurrentIndex(target);
        dialog.findChildren<QLineEdit *>().at(0)->setText(QStringLiteral("Bad_Name"));
        dialog.findChild<QSpinBox *>()->setValue(5);
        okButton(dialog)->click();
        const QList<core::FieldError> errors = dialog.errors();
        QCoreApplication::removeTranslator(&translator);
        QVERIFY(errors.size() >= 3);
        static const QRegularExpression allowed(
            QStringLiteral("CCE Autopilot|GiB|UID|sg-x+|vsw-x+|DNS-1123|LRU|ECI|ACR|ID"));
        static const QRegularExpression english(QStringLiteral("[A-Za-z]{3,}"));
        for (const core::FieldError &error : errors) {
            const QString rest = QString(error.message).remove(allowed);
            QVERIFY2(!english.match(rest).hasMatch(), qPrintable(error.message));
        }
    }

    void registryPasswordIsMasked()
    {
        CreateCacheDialog dialog(CreateCacheDialog::Mode::Create, targets());
        bool found = false;
        for (QLineEdit *edit : lineEdits(dialog)) {
            if (edit->echoMode() == QLineEdit::Password)
                found = true;
        }
        QVERIFY(found);
    }
};

QTEST_MAIN(TestCreateCacheDialog)
#include "tst_createcachedialog.moc"
