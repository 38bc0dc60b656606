// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditLog.h"
#include "MessageQueue.h"
#include "QueueWindow.h"
#include "Spool.h"
#include "Transport.h"

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <memory>

using namespace sendguard;

namespace {

// Stands in for the upstream: remembers what it was asked to deliver; the test answers.
class FakeTransport : public Transport
{
    Q_OBJECT

public:
    using Transport::Transport;
    void deliver(const DeliveryJob& job) override { jobs << job; }
    QString describe() const override { return QStringLiteral("fake upstream"); }

    QList<DeliveryJob> jobs;
};

} // namespace

class TestQueueWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<FakeTransport> m_transport;
    std::unique_ptr<MessageQueue> m_queue;
    QHash<QString, QByteArray> m_bodies;

    static bool wait(const std::function<void(Spool::Done)>& op)
    {
        bool finished = false, result = false;
        op([&](bool ok, const QString&) {
            finished = true;
            result = ok;
        });
        QElapsedTimer timer;
        timer.start();
        while (!finished && timer.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        return finished && result;
    }

    static QStringList addresses(int n)
    {
        QStringList list;
        for (int i = 0; i < n; ++i)
            list << QStringLiteral("user%1@example.com").arg(i + 1);
        return list;
    }

    // Receives a message as a session would (spool file, durable accept) and hands it to the
    // queue. `createdSecs` is relative to now.
    QueueEntry addMessage(const QString& subject, MessageState state = MessageState::Held,
                          const QStringList& to = addresses(1), qint64 createdSecs = 0,
                          qint64 releaseSecs = 600, const QJsonObject& analysis = {})
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QueueEntry e;
        e.id = newMessageId();
        e.state = state;
        e.createdAt = now.addSecs(createdSecs);
        e.releaseAt = now.addSecs(releaseSecs);
        if (state == MessageState::Retrying)
            e.nextAttemptAt = now.addSecs(3600);
        e.envelopeFrom = QStringLiteral("taro@example.co.jp");
        e.headerFrom = QStringLiteral("Taro <taro@example.co.jp>");
        for (const QString& a : to)
            e.recipients.append({a, Recipient::Status::Pending, {}});
        e.subject = subject;
        e.confirmedBy = QStringLiteral("auto-confirm");
        e.analysis = analysis;
        const QByteArray body = "From: Taro <taro@example.co.jp>\r\nSubject: " + subject.toUtf8() +
                                "\r\n\r\n" + QString::fromUtf8("本文です。").toUtf8() +
                                "\r\n\x01\x7f\xff tail without newline";
        e.size = body.size();
        QFile f(m_spool->claimIncoming(e.id));
        if (!f.open(QIODevice::ReadWrite) || f.write(body) != body.size())
            qFatal("cannot write the incoming message");
        f.close();
        if (!wait([&](Spool::Done d) { m_spool->accept(e, d); }))
            qFatal("the spool did not accept the message");
        m_bodies.insert(e.id, body);
        m_queue->add(e);
        return e;
    }

    std::unique_ptr<QueueWindow> window()
    {
        Spool* spool = m_spool.get();
        auto w = std::make_unique<QueueWindow>(
            m_queue.get(), [spool](const QString& id) { return spool->bodyPath(id); });
        w->setConfirmSendNow([](const QueueEntry&) {
            qFatal("unexpected question");
            return false;
        });
        w->setSaveFileName([](const QString&) {
            qFatal("unexpected file dialog");
            return QString();
        });
        return w;
    }

    static int rowOf(QueueWindow& w, const QString& id)
    {
        QTreeWidgetItem* item = w.itemFor(id);
        return item ? w.list()->indexOfTopLevelItem(item) : -1;
    }

    static QString cell(QueueWindow& w, const QString& id, int column)
    {
        QTreeWidgetItem* item = w.itemFor(id);
        return item ? item->text(column) : QStringLiteral("<no row>");
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_spool = std::make_unique<Spool>(m_dir->filePath(QStringLiteral("spool")));
        QString error;
        QVERIFY2(m_spool->open(&error), qPrintable(error));
        QStringList notes;
        QVERIFY(m_spool->recover(&notes).isEmpty());
        m_audit = std::make_unique<AuditLog>(m_dir->filePath(QStringLiteral("audit.jsonl")));
        QVERIFY2(m_audit->open(&error), qPrintable(error));
        m_transport = std::make_unique<FakeTransport>();
        m_queue = std::make_unique<MessageQueue>(RelayConfig{}, m_spool.get(), m_transport.get(),
                                                 m_audit.get());
    }

    void cleanup()
    {
        m_queue.reset();
        m_transport.reset();
        m_audit.reset();
        m_spool.reset();
        m_dir.reset();
        m_bodies.clear();
    }

    void rowsShowSubjectRecipientsAndStateNewestFirst()
    {
        const QueueEntry old =
            addMessage(QStringLiteral("Old"), MessageState::Held, addresses(1), -60);
        auto w = window();
        QCOMPARE(w->list()->topLevelItemCount(), 1);
        const QueueEntry newest = addMessage(QString::fromUtf8("見積書"),
                                             MessageState::AwaitingConfirmation, addresses(4), -10);
        const QueueEntry middle =
            addMessage(QStringLiteral("Middle"), MessageState::Failed, addresses(2), -30);
        QCOMPARE(w->list()->topLevelItemCount(), 3);
        QCOMPARE(rowOf(*w, newest.id), 0);
        QCOMPARE(rowOf(*w, middle.id), 1);
        QCOMPARE(rowOf(*w, old.id), 2);

        QCOMPARE(cell(*w, newest.id, QueueWindow::SubjectColumn), QString::fromUtf8("見積書"));
        QCOMPARE(cell(*w, newest.id, QueueWindow::RecipientsColumn),
                 QStringLiteral("user1@example.com, user2@example.com and 2 more"));
        QCOMPARE(cell(*w, newest.id, QueueWindow::StateColumn),
                 QStringLiteral("Awaiting confirmation"));
        QCOMPARE(cell(*w, middle.id, QueueWindow::RecipientsColumn),
                 QStringLiteral("user1@example.com, user2@example.com"));
        QCOMPARE(cell(*w, middle.id, QueueWindow::StateColumn), QStringLiteral("Failed"));
        QCOMPARE(cell(*w, old.id, QueueWindow::RecipientsColumn),
                 QStringLiteral("user1@example.com"));
        QCOMPARE(cell(*w, old.id, QueueWindow::StateColumn), QStringLiteral("Held"));
    }

    void shortRecipients()
    {
        QCOMPARE(QueueWindow::shortRecipients({}), QStringLiteral("(no recipients)"));
        QCOMPARE(QueueWindow::shortRecipients(addresses(1)), QStringLiteral("user1@example.com"));
        QCOMPARE(QueueWindow::shortRecipients(addresses(3)),
                 QStringLiteral("user1@example.com, user2@example.com and 1 more"));
        QCOMPARE(QueueWindow::shortRecipients(addresses(12)),
                 QStringLiteral("user1@example.com, user2@example.com and 10 more"));
    }

    void countdownText()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(QueueWindow::countdownText(now.addSecs(42), now), QStringLiteral("in 0:42"));
        QCOMPARE(QueueWindow::countdownText(now.addMSecs(41200), now), QStringLiteral("in 0:42"));
        QCOMPARE(QueueWindow::countdownText(now.addSecs(65), now), QStringLiteral("in 1:05"));
        QCOMPARE(QueueWindow::countdownText(now.addSecs(3723), now), QStringLiteral("in 1:02:03"));
        QCOMPARE(QueueWindow::countdownText(now, now), QStringLiteral("now"));
        QCOMPARE(QueueWindow::countdownText(now.addSecs(-5), now), QStringLiteral("now"));
    }

    void heldMessagesCountDownWhileVisible()
    {
        const QueueEntry held =
            addMessage(QStringLiteral("Soon"), MessageState::Held, addresses(1), 0, 42);
        const QueueEntry recalled =
            addMessage(QStringLiteral("Stopped"), MessageState::Recalled, addresses(1), -5, 42);
        auto w = window();
        auto* timer = w->findChild<QTimer*>(QStringLiteral("countdownTimer"));
        QVERIFY(timer);
        QVERIFY(!timer->isActive());
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QVERIFY(timer->isActive());

        const QString first = cell(*w, held.id, QueueWindow::SendsColumn);
        QVERIFY2(QRegularExpression(QStringLiteral("^in 0:(4[0-2]|3\\d)$")).match(first).hasMatch(),
                 qPrintable(first));
        QCOMPARE(cell(*w, recalled.id, QueueWindow::SendsColumn), QString());
        // It ticks.
        QTRY_VERIFY_WITH_TIMEOUT(cell(*w, held.id, QueueWindow::SendsColumn) != first, 5000);

        w->hide();
        QVERIFY(!timer->isActive());
    }

    void buttonsFollowTheState()
    {
        QHash<QString, MessageState> states;
        for (MessageState s :
             {MessageState::AwaitingConfirmation, MessageState::Held, MessageState::Relaying,
              MessageState::Retrying, MessageState::Failed, MessageState::Recalled})
            states.insert(addMessage(messageStateName(s), s).id, s);
        auto w = window();
        QCOMPARE(w->list()->topLevelItemCount(), states.size());

        w->list()->clearSelection();
        QVERIFY(!w->sendNowButton()->isEnabled());
        QVERIFY(!w->recallButton()->isEnabled());
        QVERIFY(!w->detailsButton()->isEnabled());
        QVERIFY(!w->saveButton()->isEnabled());

        for (auto it = states.cbegin(); it != states.cend(); ++it) {
            const MessageState s = it.value();
            const QByteArray name = messageStateName(s).toUtf8();
            QVERIFY(w->selectMessage(it.key()));
            QCOMPARE(w->selectedId(), it.key());
            const bool sendNow = s != MessageState::Relaying;
            const bool recall = s != MessageState::Relaying && s != MessageState::Recalled;
            QVERIFY2(w->sendNowButton()->isEnabled() == sendNow, name.constData());
            QVERIFY2(w->recallButton()->isEnabled() == recall, name.constData());
            QVERIFY2(w->detailsButton()->isEnabled(), name.constData());
            QVERIFY2(w->saveButton()->isEnabled(), name.constData());
        }

        // Without its file there is nothing to save.
        const QString id = states.key(MessageState::Failed);
        QVERIFY(QFile::remove(m_spool->bodyPath(id)));
        QVERIFY(w->selectMessage(states.key(MessageState::Held)));
        QVERIFY(w->selectMessage(id));
        QVERIFY(!w->saveButton()->isEnabled());
    }

    void buttonsHaveMnemonicsAndASensibleTabOrder()
    {
        QCOMPARE(window()->sendNowButton()->text(), QStringLiteral("&Send now"));
        QCOMPARE(window()->recallButton()->text(), QStringLiteral("&Recall"));
        QCOMPARE(window()->detailsButton()->text(), QStringLiteral("&Details"));
        QCOMPARE(window()->saveButton()->text(), QStringLiteral("Save as .&eml"));

        const QueueEntry held = addMessage(QStringLiteral("Keys"));
        auto w = window();
        QCOMPARE(w->windowTitle(), QString::fromUtf8("SendGuard — queue"));
        QCOMPARE(w->selectedId(), held.id);
        w->show();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        w->list()->setFocus();
        QTRY_VERIFY_WITH_TIMEOUT(w->list()->hasFocus(), 2000);
        // Tab goes from the list through the buttons, left to right.
        const QList<QWidget*> order = {w->sendNowButton(), w->recallButton(), w->detailsButton(),
                                       w->saveButton()};
        for (QWidget* next : order) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(), next, 2000);
        }

        // Enter on a row opens its details.
        w->list()->setFocus();
        QTest::keyClick(w->list(), Qt::Key_Return);
        QDialog* details = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (details = w->findChild<QDialog*>(QStringLiteral("queueDetails"))) != nullptr, 2000);
        details->close();

        // Alt+R recalls.
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTest::keyClick(w.get(), Qt::Key_R, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(cell(*w, held.id, QueueWindow::StateColumn),
                                  QStringLiteral("Recalled"), 5000);
    }

    void recallChangesTheRow()
    {
        const QueueEntry held = addMessage(QStringLiteral("Take it back"));
        auto w = window();
        QVERIFY(w->selectMessage(held.id));
        QTest::mouseClick(w->recallButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(cell(*w, held.id, QueueWindow::StateColumn),
                                  QueueWindow::stateText(MessageState::Recalled), 5000);
        QCOMPARE(m_queue->entries().size(), 1);
        QCOMPARE(m_queue->entries().first().state, MessageState::Recalled);
        QCOMPARE(cell(*w, held.id, QueueWindow::SendsColumn), QString());
        QVERIFY(!w->recallButton()->isEnabled());
        QVERIFY(w->sendNowButton()->isEnabled());
        // The status says so once the new state is on disk.
        QTRY_VERIFY_WITH_TIMEOUT(w->statusLabel()->text().contains(QStringLiteral("recalled")),
                                 5000);
        QVERIFY(!w->statusLabel()->property("error").toBool());
        QVERIFY(m_transport->jobs.isEmpty());
    }

    void sendNowRelaysAHeldMessageAndTheSentRowGoes()
    {
        const QueueEntry held = addMessage(QStringLiteral("Go"), MessageState::Held, addresses(2));
        auto w = window();
        QVERIFY(w->selectMessage(held.id));
        QTest::mouseClick(w->sendNowButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_transport->jobs.size(), 1, 5000);
        QCOMPARE(m_transport->jobs.first().id, held.id);
        QCOMPARE(m_transport->jobs.first().recipients, addresses(2));
        QCOMPARE(cell(*w, held.id, QueueWindow::StateColumn),
                 QueueWindow::stateText(MessageState::Relaying));
        QVERIFY(!w->sendNowButton()->isEnabled());
        QVERIFY(!w->recallButton()->isEnabled());
        QVERIFY(!w->statusLabel()->text().isEmpty());
        QVERIFY(!w->statusLabel()->property("error").toBool());

        DeliveryResult result;
        result.id = held.id;
        for (const QString& a : addresses(2))
            result.recipients.append(
                {a, DeliveryResult::Outcome::Delivered, QStringLiteral("250 2.0.0 OK")});
        result.summary = QStringLiteral("250 2.0.0 OK");
        Q_EMIT m_transport->finished(result);
        QTRY_VERIFY_WITH_TIMEOUT(w->itemFor(held.id) == nullptr, 5000);
        QCOMPARE(w->list()->topLevelItemCount(), 0);
        QVERIFY(w->emptyLabel()->isVisibleTo(w.get()));
    }

    void sendNowAsksFirstForAnUnconfirmedMessage()
    {
        const QueueEntry waiting =
            addMessage(QStringLiteral("Unconfirmed"), MessageState::AwaitingConfirmation);
        auto w = window();
        int asked = 0;
        bool answer = false;
        w->setConfirmSendNow([&](const QueueEntry& e) {
            ++asked;
            return e.id == waiting.id && answer;
        });
        QVERIFY(w->selectMessage(waiting.id));
        QVERIFY(w->sendNowButton()->isEnabled());

        QTest::mouseClick(w->sendNowButton(), Qt::LeftButton);
        QCOMPARE(asked, 1);
        QTest::qWait(50);
        QVERIFY(m_transport->jobs.isEmpty());
        QCOMPARE(m_queue->entries().first().state, MessageState::AwaitingConfirmation);
        QCOMPARE(cell(*w, waiting.id, QueueWindow::StateColumn),
                 QStringLiteral("Awaiting confirmation"));

        answer = true;
        QTest::mouseClick(w->sendNowButton(), Qt::LeftButton);
        QCOMPARE(asked, 2);
        QTRY_COMPARE_WITH_TIMEOUT(m_transport->jobs.size(), 1, 5000);
        QCOMPARE(m_queue->entries().first().confirmedBy, QStringLiteral("user"));

        // A held message is sent without a question.
        const QueueEntry held = addMessage(QStringLiteral("Confirmed"));
        QVERIFY(w->selectMessage(held.id));
        QTest::mouseClick(w->sendNowButton(), Qt::LeftButton);
        QCOMPARE(asked, 2);
        QTRY_COMPARE_WITH_TIMEOUT(m_transport->jobs.size(), 2, 5000);
    }

    void errorsGoToTheStatusLabel()
    {
        const QueueEntry held = addMessage(QStringLiteral("Busy"));
        auto w = window();
        QVERIFY(w->selectMessage(held.id));
        w->sendNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_transport->jobs.size(), 1, 5000);
        // Being relayed: the queue refuses, the window says why.
        w->recall();
        QTRY_VERIFY_WITH_TIMEOUT(w->statusLabel()->property("error").toBool(), 5000);
        QVERIFY2(w->statusLabel()->text().contains(held.id), qPrintable(w->statusLabel()->text()));
        QVERIFY(w->statusLabel()->text().startsWith(QStringLiteral("Could not recall")));
    }

    void saveAsEmlWritesAnIdenticalCopy()
    {
        const QueueEntry e =
            addMessage(QString::fromUtf8("Re: 見積/請求?"), MessageState::Failed, addresses(3));
        auto w = window();
        QVERIFY(w->selectMessage(e.id));
        QVERIFY(w->saveButton()->isEnabled());

        QString suggested;
        const QString target = m_dir->filePath(QStringLiteral("copy.eml"));
        w->setSaveFileName([&](const QString& path) {
            suggested = path;
            return target;
        });
        QTest::mouseClick(w->saveButton(), Qt::LeftButton);
        QVERIFY2(suggested.endsWith(QString::fromUtf8("/Re_ 見積_請求_.eml")),
                 qPrintable(suggested));
        QFile copy(target);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), m_bodies.value(e.id));
        QVERIFY(w->statusLabel()->text().contains(QStringLiteral("copy.eml")));
        QVERIFY(!w->statusLabel()->property("error").toBool());

        // An existing file is replaced by a complete copy.
        copy.close();
        QVERIFY(copy.open(QIODevice::WriteOnly | QIODevice::Truncate));
        copy.write("something much longer than the message ........................................"
                   "...........................................................................");
        copy.close();
        w->saveAsEml();
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), m_bodies.value(e.id));
        copy.close();

        // Cancelled: nothing happens.
        w->statusLabel()->clear();
        w->setSaveFileName([](const QString&) { return QString(); });
        w->saveAsEml();
        QCOMPARE(w->statusLabel()->text(), QString());

        // A place that cannot be written to.
        w->setSaveFileName([&](const QString&) {
            return m_dir->filePath(QStringLiteral("no/such/folder/x.eml"));
        });
        w->saveAsEml();
        QVERIFY(w->statusLabel()->property("error").toBool());
        QVERIFY(w->statusLabel()->text().startsWith(QStringLiteral("Could not save")));
    }

    void suggestedFileName()
    {
        QCOMPARE(QueueWindow::suggestedFileName(QStringLiteral("Quote for March")),
                 QStringLiteral("Quote for March.eml"));
        QCOMPARE(QueueWindow::suggestedFileName(QStringLiteral("a:b*c?\"d<e>f|g\\h/i")),
                 QStringLiteral("a_b_c__d_e_f_g_h_i.eml"));
        QCOMPARE(QueueWindow::suggestedFileName(QStringLiteral("  tab\there \r\n  ")),
                 QStringLiteral("tab here.eml"));
        QCOMPARE(QueueWindow::suggestedFileName(QStringLiteral("..hidden.")),
                 QStringLiteral("hidden.eml"));
        QCOMPARE(QueueWindow::suggestedFileName(QString()), QStringLiteral("message.eml"));
        QCOMPARE(QueueWindow::suggestedFileName(QString(300, QLatin1Char('x'))).size(), 104);
    }

    void detailsShowRecipientsRepliesFlagsAndAttachments()
    {
        Verdict v;
        v.parsed = true;
        v.mass = true;
        v.senderMismatch = true;
        v.attachments.append({QString::fromUtf8("報告書.pdf"),
                              QStringLiteral("application/pdf"),
                              2048,
                              false,
                              {},
                              {}});
        v.attachments.append({QStringLiteral("secret.zip"),
                              QStringLiteral("application/zip"),
                              10,
                              true,
                              QStringLiteral("zip"),
                              {}});
        QJsonObject analysis = v.toJson();
        analysis.insert(QStringLiteral("removed_recipients"),
                        QJsonArray{QStringLiteral("nokey@partner.example")});
        QueueEntry e = addMessage(QStringLiteral("Partly sent"), MessageState::Failed, addresses(2),
                                  -5, 600, analysis);
        e.recipients[0].status = Recipient::Status::Delivered;
        e.recipients[0].reply = QStringLiteral("250 2.1.5 OK");
        e.recipients[1].status = Recipient::Status::Refused;
        e.recipients[1].reply = QStringLiteral("550 5.1.1 no such user");
        e.lastError = QStringLiteral("user2@example.com: 550 5.1.1 no such user");
        e.attempts = 1;
        e.bodyPreview = QString::fromUtf8("お世話になっております。①お見積書です。");
        m_queue->add(e); // as if the delivery had gone this way

        auto w = window();
        QVERIFY(w->selectMessage(e.id));
        QVERIFY(w->detailsButton()->isEnabled());
        QTest::mouseClick(w->detailsButton(), Qt::LeftButton);
        auto* dialog = w->findChild<QDialog*>(QStringLiteral("queueDetails"));
        QVERIFY(dialog);
        QVERIFY(!dialog->isModal());
        QVERIFY(dialog->isVisible());
        auto* text = dialog->findChild<QPlainTextEdit*>(QStringLiteral("detailsText"));
        QVERIFY(text);
        QVERIFY(text->isReadOnly());
        const QString t = text->toPlainText();
        for (const QString& expected :
             {e.id, QStringLiteral("State: Failed"), QStringLiteral("taro@example.co.jp"),
              QStringLiteral("user1@example.com — delivered"), QStringLiteral("250 2.1.5 OK"),
              QStringLiteral("user2@example.com — refused"),
              QStringLiteral("550 5.1.1 no such user"), QStringLiteral("Attempts: 1"),
              QStringLiteral("Removed by you before sending (1), not sent to:\n"
                             "  nokey@partner.example"),
              QString::fromUtf8("Text (start):\nお世話になっております。①お見積書です。"),
              QStringLiteral("many recipients"),
              QStringLiteral("the From address differs from the sending account"),
              QString::fromUtf8("報告書.pdf"), QStringLiteral("secret.zip"),
              QStringLiteral("encrypted")})
            QVERIFY2(t.contains(expected), qPrintable(expected + QStringLiteral(" in:\n") + t));
        dialog->close();
        QTRY_VERIFY_WITH_TIMEOUT(!w->findChild<QDialog*>(QStringLiteral("queueDetails")), 2000);
    }

    // Recalled and failed messages are kept policy.keep_days, then removed with a trace.
    void oldRecalledMessagesExpireAndLeaveTheWindow()
    {
        const QueueEntry old = addMessage(QStringLiteral("old"), MessageState::Recalled,
                                          addresses(1), -20 * 86400, -20 * 86400);
        const QueueEntry recent = addMessage(QStringLiteral("recent"), MessageState::Recalled,
                                             addresses(1), -86400, -86400);
        const QueueEntry held =
            addMessage(QStringLiteral("held"), MessageState::Held, addresses(1), -20 * 86400, 600);
        auto w = window();
        QCOMPARE(w->list()->topLevelItemCount(), 3);
        m_queue->setKeepDays(14);
        m_queue->expireOld();
        QVERIFY(!w->itemFor(old.id));
        QVERIFY(w->itemFor(recent.id));
        QVERIFY(w->itemFor(held.id)); // only recalled and failed messages expire
        QCOMPARE(m_queue->entries().size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(m_spool->bodyPath(old.id)), 5000);
        auto auditSays = [this](const QByteArray& text) {
            QFile f(m_dir->filePath(QStringLiteral("audit.jsonl")));
            return f.open(QIODevice::ReadOnly) && f.readAll().contains(text);
        };
        QTRY_VERIFY_WITH_TIMEOUT(auditSays("\"event\":\"expired\""), 5000);
    }

    void entryRemovedRemovesTheRow()
    {
        const QueueEntry a = addMessage(QStringLiteral("A"));
        const QueueEntry b = addMessage(QStringLiteral("B"));
        auto w = window();
        QCOMPARE(w->list()->topLevelItemCount(), 2);
        Q_EMIT m_queue->entryRemoved(a.id);
        QCOMPARE(w->list()->topLevelItemCount(), 1);
        QVERIFY(!w->itemFor(a.id));
        QVERIFY(w->itemFor(b.id));
        QVERIFY(!w->emptyLabel()->isVisibleTo(w.get()));
    }

    void emptyState()
    {
        auto w = window();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QVERIFY(w->emptyLabel()->isVisible());
        QCOMPARE(w->emptyLabel()->text(), QStringLiteral("No messages are waiting."));
        QVERIFY(!w->list()->isVisible());
        QVERIFY(!w->sendNowButton()->isEnabled());
        QVERIFY(!w->saveButton()->isEnabled());

        const QueueEntry e = addMessage(QStringLiteral("Here"));
        QVERIFY(!w->emptyLabel()->isVisible());
        QVERIFY(w->list()->isVisible());
        QCOMPARE(w->list()->topLevelItemCount(), 1);
        Q_EMIT m_queue->entryRemoved(e.id);
        QVERIFY(w->emptyLabel()->isVisible());
    }
};

QTEST_MAIN(TestQueueWindow)
#include "TestQueueWindow.moc"
