// SettingsDialog through its widgets: it shows what QSettings holds, OK
// writes every page (push or interval, mark-read delay or never, the
// remote-content allow-list with a sender removed, notifications, one
// signature per account), Cancel writes nothing, account buttons ask the app.
#include "AppSettings.h"
#include "GuiTestWindow.h"
#include "SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>

using namespace skein::ui;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    template<typename W>
    static W *child(QWidget &dialog, const char *name)
    {
        W *w = dialog.findChild<W *>(QLatin1String(name));
        if (!w)
            qWarning("no widget %s", name);
        return w;
    }

    static const QList<SettingsDialog::AccountRow> accounts()
    {
        return {{QStringLiteral("1"), QStringLiteral("demo@skein.test"), QStringLiteral("demo@skein.test")},
                {QStringLiteral("2"), QStringLiteral("alice@skein.test"), QStringLiteral("alice@skein.test")}};
    }

private Q_SLOTS:
    void initTestCase() { guitest::isolateSettings(m_dir, QStringLiteral("tst_settingsdialog")); }
    void init() { QSettings().clear(); }

    void showsTheDefaults()
    {
        SettingsDialog dialog;
        QVERIFY(child<QRadioButton>(dialog, "pushRadio")->isChecked());
        QVERIFY(!child<QSpinBox>(dialog, "intervalSpin")->isEnabled());
        QCOMPARE(child<QSpinBox>(dialog, "intervalSpin")->value(), 5);
        QVERIFY(child<QCheckBox>(dialog, "markReadCheck")->isChecked());
        QCOMPARE(child<QDoubleSpinBox>(dialog, "markReadDelaySpin")->value(), 1.5);
        QVERIFY(child<QCheckBox>(dialog, "notificationsCheck")->isChecked());
        for (QWidget *w : dialog.findChildren<QWidget *>()) {
            if (qobject_cast<QPushButton *>(w) || qobject_cast<QCheckBox *>(w) || qobject_cast<QRadioButton *>(w))
                QVERIFY2(!w->objectName().isEmpty() && !w->accessibleName().isEmpty(), qPrintable(w->metaObject()->className()));
        }
    }

    void okWritesEveryPage()
    {
        QSettings().setValue(settings::allowedSendersKey, QStringList{QStringLiteral("news@x"), QStringLiteral("lena@x")});
        SettingsDialog dialog;
        dialog.setAccounts(accounts());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy saved(&dialog, &SettingsDialog::saved);

        dialog.showPage(QStringLiteral("mail"));
        QTest::mouseClick(child<QRadioButton>(dialog, "intervalRadio"), Qt::LeftButton);
        QVERIFY(child<QSpinBox>(dialog, "intervalSpin")->isEnabled());
        child<QSpinBox>(dialog, "intervalSpin")->setValue(15);
        child<QDoubleSpinBox>(dialog, "markReadDelaySpin")->setValue(3);
        child<QCheckBox>(dialog, "notificationsCheck")->setChecked(false);

        dialog.showPage(QStringLiteral("privacy"));
        auto *senders = child<QListWidget>(dialog, "allowedSendersList");
        QCOMPARE(senders->count(), 2);
        senders->item(0)->setSelected(true);
        QTest::mouseClick(child<QPushButton>(dialog, "removeSenderButton"), Qt::LeftButton);
        QCOMPARE(senders->count(), 1);

        dialog.showPage(QStringLiteral("signatures"));
        auto *edit = child<QPlainTextEdit>(dialog, "signatureEdit");
        QTest::keyClicks(edit, QStringLiteral("Demo D."));
        child<QComboBox>(dialog, "signatureAccountCombo")->setCurrentIndex(1);
        QVERIFY(edit->toPlainText().isEmpty());
        QTest::keyClicks(edit, QStringLiteral("Alice A."));

        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("settingsOkButton")), Qt::LeftButton);
        QCOMPARE(saved.size(), 1);
        QVERIFY(!settings::push());
        QCOMPARE(settings::intervalMinutes(), 15);
        QCOMPARE(settings::markReadDelayMs(), 3000);
        QVERIFY(!settings::notificationsEnabled());
        QCOMPARE(settings::allowedSenders(), QStringList{QStringLiteral("lena@x")});
        QCOMPARE(settings::signature(QStringLiteral("demo@skein.test")), QStringLiteral("Demo D."));
        QCOMPARE(settings::signature(QStringLiteral("ALICE@skein.test")), QStringLiteral("Alice A."));
    }

    void markReadCanBeTurnedOff()
    {
        SettingsDialog dialog;
        child<QCheckBox>(dialog, "markReadCheck")->setChecked(false);
        QVERIFY(!child<QDoubleSpinBox>(dialog, "markReadDelaySpin")->isEnabled());
        dialog.save();
        QCOMPARE(settings::markReadDelayMs(), -1);
        SettingsDialog again;
        QVERIFY(!child<QCheckBox>(again, "markReadCheck")->isChecked());
    }

    void cancelWritesNothing()
    {
        SettingsDialog dialog;
        dialog.show();
        child<QCheckBox>(dialog, "notificationsCheck")->setChecked(false);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("settingsCancelButton")), Qt::LeftButton);
        QVERIFY(settings::notificationsEnabled());
        QVERIFY(!QSettings().contains(settings::notificationsKey));
    }

    void accountButtonsAskTheApp()
    {
        SettingsDialog dialog;
        dialog.setAccounts(accounts());
        QSignalSpy add(&dialog, &SettingsDialog::addAccountRequested);
        QSignalSpy edit(&dialog, &SettingsDialog::editAccountRequested);
        QSignalSpy remove(&dialog, &SettingsDialog::removeAccountRequested);
        child<QListWidget>(dialog, "accountList")->setCurrentRow(1);
        QTest::mouseClick(child<QPushButton>(dialog, "addAccountButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(dialog, "editAccountButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(dialog, "removeAccountButton"), Qt::LeftButton);
        QCOMPARE(add.size(), 1);
        QCOMPARE(edit.first().first().toString(), QStringLiteral("2"));
        QCOMPARE(remove.first().first().toString(), QStringLiteral("2"));
        dialog.setAccounts({});
        QVERIFY(!child<QPushButton>(dialog, "editAccountButton")->isEnabled());
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
