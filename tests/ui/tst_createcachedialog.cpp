#include "ui/createcachedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

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
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(name->property("invalid").toBool());
        QVERIFY2(!name->toolTip().isEmpty(), "the marked field explains the rule");
        const auto *errors = dialog.findChild<QLabel *>(QStringLiteral("validationErrors"));
        QVERIFY(errors->text().contains(QLatin1String("name"), Qt::CaseInsensitive));

        name->clear();
        QTest::keyClicks(name, QStringLiteral("good-name-1"));
        QVERIFY2(
            okButton(dialog)->isEnabled(),
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
        QVERIFY(!okButton(dialog)->isEnabled());
        QStringList fields;
        for (const core::FieldError &error : dialog.errors())
            fields.append(error.field);
        QVERIFY2(fields.join(',').contains(QLatin1String("SecurityGroupId")),
                 qPrintable(fields.join(',')));
        QVERIFY(fields.join(',').contains(QLatin1String("VSwitchId")));
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
