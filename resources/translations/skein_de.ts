<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>LocalSentRows</name>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Sent Items</source>
        <translation>Gesendete Elemente</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>flag %1</source>
        <translation>%1 kennzeichnen</translation>
    </message>
    <message>
        <source>clear the flag on %1</source>
        <translation>die Kennzeichnung von %1 löschen</translation>
    </message>
    <message>
        <source>mark %1 complete</source>
        <translation>%1 als erledigt markieren</translation>
    </message>
    <message>
        <source>mark %1 as read</source>
        <translation>%1 als gelesen markieren</translation>
    </message>
    <message>
        <source>mark %1 as unread</source>
        <translation>%1 als ungelesen markieren</translation>
    </message>
    <message>
        <source>ignore %1</source>
        <translation>%1 ignorieren</translation>
    </message>
    <message>
        <source>always move %1 to %2</source>
        <translation>%1 immer nach %2 verschieben</translation>
    </message>
    <message>
        <source>move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
    <message>
        <source>(a folder no longer on this computer)</source>
        <translation>(ein Ordner, der nicht mehr auf diesem Computer ist)</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf das Senden</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 Tage</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 Woche</translation>
    </message>
    <message>
        <source>2 weeks</source>
        <translation>2 Wochen</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 Monat</translation>
    </message>
    <message>
        <source>the last day</source>
        <translation>dem letzten Tag</translation>
    </message>
    <message>
        <source>the last 3 days</source>
        <translation>den letzten 3 Tagen</translation>
    </message>
    <message>
        <source>the last week</source>
        <translation>der letzten Woche</translation>
    </message>
    <message>
        <source>the last 2 weeks</source>
        <translation>den letzten 2 Wochen</translation>
    </message>
    <message>
        <source>the last month</source>
        <translation>dem letzten Monat</translation>
    </message>
    <message>
        <source>all dates</source>
        <translation>allen Zeiträumen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>skein::ActionJournal</name>
    <message>
        <source>The message had been moved or deleted elsewhere (on another device, or by an earlier action the server refused) before this action reached the server. The folder that holds it now shows it after its next sync.</source>
        <translation>Die Nachricht war bereits anderswo verschoben oder gelöscht worden (auf einem anderen Gerät oder durch eine frühere Aktion, die der Server abgelehnt hat), bevor diese Aktion den Server erreichte. Der Ordner, in dem sie jetzt liegt, zeigt sie nach seiner nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Undone before it reached the server.</source>
        <translation>Rückgängig gemacht, bevor die Aktion den Server erreichte.</translation>
    </message>
</context>
<context>
    <name>skein::AttachmentSafety</name>
    <message>
        <source>Skein does not open &quot;%1&quot;: it is a program or script (.%2), and opening it could run it. Save it instead if you trust the sender.</source>
        <translation>Skein öffnet „%1“ nicht: Es ist ein Programm oder Skript (.%2), und beim Öffnen könnte es ausgeführt werden. Speichern Sie es stattdessen, wenn Sie dem Absender vertrauen.</translation>
    </message>
    <message>
        <source>Skein does not open &quot;%1&quot;: the sender says it is a program (%2), and opening it could run it. Save it instead if you trust the sender.</source>
        <translation>Skein öffnet „%1“ nicht: Laut Absender ist es ein Programm (%2), und beim Öffnen könnte es ausgeführt werden. Speichern Sie es stattdessen, wenn Sie dem Absender vertrauen.</translation>
    </message>
    <message>
        <source>Skein does not open &quot;%1&quot;: the file is marked as a program (executable), and opening it could run it.</source>
        <translation>Skein öffnet „%1“ nicht: Die Datei ist als Programm (ausführbar) markiert, und beim Öffnen könnte sie ausgeführt werden.</translation>
    </message>
    <message>
        <source>Skein does not open &quot;%1&quot;: its content is a program or script, whatever its name says, and opening it could run it.</source>
        <translation>Skein öffnet „%1“ nicht: Der Inhalt der Datei ist ein Programm oder Skript, gleich was ihr Name sagt, und beim Öffnen könnte sie ausgeführt werden.</translation>
    </message>
</context>
<context>
    <name>skein::ConversationActions</name>
    <message>
        <source>The destination folder does not exist.</source>
        <translation>Der Zielordner existiert nicht.</translation>
    </message>
    <message>
        <source>Outbox and Drafts cannot receive an always-move rule.</source>
        <translation>Für Postausgang und Entwürfe gibt es keine Regel „Immer verschieben“.</translation>
    </message>
    <message>
        <source>Conversations can only be moved into a mail folder.</source>
        <translation>Unterhaltungen können nur in einen E-Mail-Ordner verschoben werden.</translation>
    </message>
    <message>
        <source>The conversation has no messages in this folder.</source>
        <translation>Die Unterhaltung hat keine Nachrichten in diesem Ordner.</translation>
    </message>
    <message>
        <source>Could not save the action: %1</source>
        <translation>Die Aktion konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>No message of the conversation in this folder is flagged.</source>
        <translation>Keine Nachricht der Unterhaltung in diesem Ordner ist gekennzeichnet.</translation>
    </message>
    <message>
        <source>The destination is not a mail folder.</source>
        <translation>Das Ziel ist kein E-Mail-Ordner.</translation>
    </message>
    <message>
        <source>The conversation is already in that folder.</source>
        <translation>Die Unterhaltung ist bereits in diesem Ordner.</translation>
    </message>
    <message>
        <source>This message has no conversation id, so Skein cannot keep a rule for it.</source>
        <translation>Diese Nachricht hat keine Unterhaltungs-ID, daher kann Skein keine Regel für sie speichern.</translation>
    </message>
    <message>
        <source>This message has no conversation id, so the server cannot set a rule for it.</source>
        <translation>Diese Nachricht hat keine Unterhaltungs-ID, daher kann der Server keine Regel für sie festlegen.</translation>
    </message>
    <message>
        <source>The folder is empty.</source>
        <translation>Der Ordner ist leer.</translation>
    </message>
    <message>
        <source>The message is no longer on this computer.</source>
        <translation>Die Nachricht ist nicht mehr auf diesem Computer.</translation>
    </message>
    <message>
        <source>The message is already read.</source>
        <translation>Die Nachricht ist bereits gelesen.</translation>
    </message>
    <message>
        <source>There is no Deleted Items folder to send the conversation to.</source>
        <translation>Es gibt keinen Ordner „Gelöschte Elemente“, in den die Unterhaltung verschoben werden kann.</translation>
    </message>
</context>
<context>
    <name>skein::ConversationListModel</name>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>skein::ConversationModel</name>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>skein::ConversationRules</name>
    <message>
        <source>There is no rule for this conversation.</source>
        <translation>Für diese Unterhaltung gibt es keine Regel.</translation>
    </message>
</context>
<context>
    <name>skein::ConversationUndo</name>
    <message>
        <source>There is nothing to undo.</source>
        <translation>Es gibt nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Nothing to undo: the action did not take effect (%1).</source>
        <translation>Nichts rückgängig zu machen: Die Aktion wurde nicht wirksam (%1).</translation>
    </message>
    <message>
        <source>Nothing to undo: the messages are gone.</source>
        <translation>Nichts rückgängig zu machen: Die Nachrichten sind nicht mehr da.</translation>
    </message>
    <message>
        <source>Nothing to undo: the messages have moved on or are gone.</source>
        <translation>Nichts rückgängig zu machen: Die Nachrichten wurden weiterverschoben oder sind nicht mehr da.</translation>
    </message>
    <message>
        <source>Messages deleted from Deleted Items are gone for good.</source>
        <translation>Aus „Gelöschte Elemente“ gelöschte Nachrichten sind endgültig weg.</translation>
    </message>
    <message>
        <source>The deleted messages are not in Deleted Items on this computer yet. Try again after the next sync.</source>
        <translation>Die gelöschten Nachrichten sind auf diesem Computer noch nicht in „Gelöschte Elemente“. Versuchen Sie es nach der nächsten Synchronisierung erneut.</translation>
    </message>
</context>
<context>
    <name>skein::FolderModel</name>
    <message>
        <source>All Inboxes</source>
        <translation>Alle Posteingänge</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
</context>
<context>
    <name>skein::MessageRows</name>
    <message>
        <source>Conversation grouped by Skein (inferred) from reply headers and subjects: the server sent no conversation id.</source>
        <translation>Unterhaltung von Skein aus Antwort-Kopfzeilen und Betreffs zusammengestellt (abgeleitet): Der Server hat keine Unterhaltungs-ID gesendet.</translation>
    </message>
    <message>
        <source>Reply tree inferred from reply headers</source>
        <translation>Antwortbaum aus den Antwort-Kopfzeilen abgeleitet</translation>
    </message>
    <message>
        <source>Ordered by date: the server sent no reply tree</source>
        <translation>Nach Datum geordnet: Der Server hat keinen Antwortbaum gesendet</translation>
    </message>
    <message>
        <source>Conversation and reply tree inferred by Skein from reply headers and subjects: the server sent no conversation data.</source>
        <translation>Unterhaltung und Antwortbaum von Skein aus Antwort-Kopfzeilen und Betreffs abgeleitet: Der Server hat keine Unterhaltungsdaten gesendet.</translation>
    </message>
    <message>
        <source>Conversation inferred by Skein from subjects and ordered by date: the server sent no conversation data.</source>
        <translation>Unterhaltung von Skein aus den Betreffs abgeleitet und nach Datum geordnet: Der Server hat keine Unterhaltungsdaten gesendet.</translation>
    </message>
</context>
<context>
    <name>skein::OutboxListModel</name>
    <message>
        <source>waiting to be sent</source>
        <translation>wartet auf das Senden</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>vom Server abgelehnt</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;To: %2&lt;br&gt;Written: %3&lt;br&gt;State: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;An: %2&lt;br&gt;Verfasst: %3&lt;br&gt;Status: %4</translation>
    </message>
    <message numerus="yes">
        <source> (%n attempt(s))</source>
        <translation>
            <numerusform> (%n Versuch)</numerusform>
            <numerusform> (%n Versuche)</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;br&gt;Last failure: %1</source>
        <translation>&lt;br&gt;Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Verfasst</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>skein::desktop</name>
    <message>
        <source>(no id)</source>
        <translation>(keine ID)</translation>
    </message>
    <message>
        <source>%1: skipped message %2: %3</source>
        <translation>%1: Nachricht %2 übersprungen: %3</translation>
    </message>
    <message>
        <source>1 older message hidden by the date filter</source>
        <translation>1 ältere Nachricht durch den Datumsfilter ausgeblendet</translation>
    </message>
    <message>
        <source>%1 older messages hidden by the date filter</source>
        <translation>%1 ältere Nachrichten durch den Datumsfilter ausgeblendet</translation>
    </message>
    <message>
        <source>Synced: no new mail.</source>
        <translation>Synchronisiert: keine neuen E-Mails.</translation>
    </message>
    <message>
        <source>Synced: no new mail; %1.</source>
        <translation>Synchronisiert: keine neuen E-Mails; %1.</translation>
    </message>
    <message>
        <source>Synced: %1 new, %2 changed, %3 removed</source>
        <translation>Synchronisiert: %1 neu, %2 geändert, %3 entfernt</translation>
    </message>
    <message>
        <source>%1; %2.</source>
        <translation>%1; %2.</translation>
    </message>
    <message>
        <source>The sync failed.</source>
        <translation>Die Synchronisierung ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>skein::desktop::AccountFlow</name>
    <message>
        <source>No answer came back from the browser within %1 minutes, so Skein stopped waiting. Sign in again when you are ready.</source>
        <translation>Vom Browser kam innerhalb von %1 Minuten keine Antwort, daher wartet Skein nicht länger. Melden Sie sich erneut an, wenn Sie so weit sind.</translation>
    </message>
    <message>
        <source>The system keychain did not keep the sign-in.</source>
        <translation>Der Schlüsselbund des Systems hat die Anmeldung nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>skein::desktop::AccountSession</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Neues Konto</translation>
    </message>
</context>
<context>
    <name>skein::desktop::AccountSessions</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The mail of %1 cannot be opened: %2</source>
        <translation>Die E-Mails von %1 können nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The other accounts are unaffected.</source>
        <translation>Die anderen Konten sind nicht betroffen.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Skein needs one account; add another before removing this one.</source>
        <translation>Skein braucht ein Konto; fügen Sie ein weiteres hinzu, bevor Sie dieses entfernen.</translation>
    </message>
    <message>
        <source>Remove %1 from Skein?</source>
        <translation>%1 aus Skein entfernen?</translation>
    </message>
    <message>
        <source>Its mail on this computer and its saved password are deleted; the mail on the server stays.</source>
        <translation>Seine E-Mails auf diesem Computer und sein gespeichertes Passwort werden gelöscht; die E-Mails auf dem Server bleiben erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) still waiting in its Outbox will not be sent.</source>
        <translation>
            <numerusform>%n Nachricht, die noch im Postausgang wartet, wird nicht gesendet.</numerusform>
            <numerusform>%n Nachrichten, die noch im Postausgang warten, werden nicht gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>The account could not be removed completely: %1</source>
        <translation>Das Konto konnte nicht vollständig entfernt werden: %1</translation>
    </message>
    <message>
        <source>%1 could not be deleted.</source>
        <translation>%1 konnte nicht gelöscht werden.</translation>
    </message>
</context>
<context>
    <name>skein::desktop::AccountSetup</name>
    <message>
        <source>Skein has no password for %1.</source>
        <translation>Skein hat kein Passwort für %1.</translation>
    </message>
    <message>
        <source>Choose one of its folders and then Account… to enter it.</source>
        <translation>Wählen Sie einen seiner Ordner und dann Konto…, um es einzugeben.</translation>
    </message>
    <message>
        <source>The sign-in of %1 has expired.</source>
        <translation>Die Anmeldung von %1 ist abgelaufen.</translation>
    </message>
    <message>
        <source>Choose one of its folders to sign in again; its mail and actions are kept.</source>
        <translation>Wählen Sie einen seiner Ordner, um sich erneut anzumelden; seine E-Mails und Aktionen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Skein works for now but will ask you to sign in again at the next start.</source>
        <translation>Skein arbeitet vorerst weiter, fordert Sie aber beim nächsten Start zur erneuten Anmeldung auf.</translation>
    </message>
    <message>
        <source>Skein works for now but will ask for the password at the next start.</source>
        <translation>Skein arbeitet vorerst weiter, fragt aber beim nächsten Start nach dem Passwort.</translation>
    </message>
    <message>
        <source>A new account cannot be made: %1</source>
        <translation>Es kann kein neues Konto angelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>skein::desktop::ComposeController</name>
    <message>
        <source>That draft is no longer on this computer.</source>
        <translation>Dieser Entwurf ist nicht mehr auf diesem Computer.</translation>
    </message>
    <message>
        <source>That message is no longer in the Outbox; it may have been sent meanwhile.</source>
        <translation>Diese Nachricht ist nicht mehr im Postausgang; vielleicht wurde sie inzwischen gesendet.</translation>
    </message>
    <message>
        <source>The waiting message could not be opened: %1</source>
        <translation>Die wartende Nachricht konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>It stays in the Outbox as it is; you can still send or delete it.</source>
        <translation>Sie bleibt unverändert im Postausgang; Sie können sie weiterhin senden oder löschen.</translation>
    </message>
    <message>
        <source>That message is no longer on this computer; it may have been moved or deleted.</source>
        <translation>Diese Nachricht ist nicht mehr auf diesem Computer; vielleicht wurde sie verschoben oder gelöscht.</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Der Entwurf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The text is still in the window; free some disk space or save it elsewhere.</source>
        <translation>Der Text steht noch im Fenster; geben Sie Speicherplatz frei oder speichern Sie ihn woanders.</translation>
    </message>
    <message>
        <source>The message you answer is no longer on this computer; copy your text into a new message.</source>
        <translation>Die Nachricht, auf die Sie antworten, ist nicht mehr auf diesem Computer; kopieren Sie Ihren Text in eine neue Nachricht.</translation>
    </message>
    <message>
        <source>The message you answer is being moved and the server has not confirmed its new place yet; send again after the next sync.</source>
        <translation>Die Nachricht, auf die Sie antworten, wird gerade verschoben, und der Server hat ihren neuen Ort noch nicht bestätigt; senden Sie nach der nächsten Synchronisierung erneut.</translation>
    </message>
    <message>
        <source>The message could not be built: %1</source>
        <translation>Die Nachricht konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>The message could not be changed in the outbox: %1</source>
        <translation>Die Nachricht im Postausgang konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>The message could not be put into the outbox: %1</source>
        <translation>Die Nachricht konnte nicht in den Postausgang gelegt werden: %1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation>„%1“ wird gesendet…</translation>
    </message>
    <message>
        <source>“%1” waits in the outbox until Skein is connected.</source>
        <translation>„%1“ wartet im Postausgang, bis Skein verbunden ist.</translation>
    </message>
    <message>
        <source>The account this message was written in has been removed from Skein; copy the text into a new message.</source>
        <translation>Das Konto, in dem diese Nachricht verfasst wurde, wurde aus Skein entfernt; kopieren Sie den Text in eine neue Nachricht.</translation>
    </message>
    <message>
        <source>The server refused to send “%1”%2: %3</source>
        <translation>Der Server hat das Senden von „%1“%2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>The message stays in the Outbox; change it and send it again, or delete it.</source>
        <translation>Die Nachricht bleibt im Postausgang; ändern Sie sie und senden Sie sie erneut, oder löschen Sie sie.</translation>
    </message>
</context>
<context>
    <name>skein::desktop::DemoServerProcess</name>
    <message>
        <source>Cannot create a temporary folder for the demo server: %1</source>
        <translation>Für den Demo-Server kann kein temporärer Ordner angelegt werden: %1</translation>
    </message>
    <message>
        <source>The demo needs the program skein-server, which was not found at %1. Install it beside skein (the skein package does), or name it in %2.</source>
        <translation>Die Demo braucht das Programm skein-server, das unter %1 nicht gefunden wurde. Installieren Sie es neben skein (das Paket skein tut das), oder geben Sie es in %2 an.</translation>
    </message>
    <message>
        <source>The demo server answered something unexpected: %1</source>
        <translation>Der Demo-Server hat etwas Unerwartetes geantwortet: %1</translation>
    </message>
    <message>
        <source>The demo server %1 could not be started: %2</source>
        <translation>Der Demo-Server %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The demo server stopped unexpectedly (it crashed).</source>
        <translation>Der Demo-Server wurde unerwartet beendet (er ist abgestürzt).</translation>
    </message>
    <message>
        <source>The demo server stopped unexpectedly (exit code %1).</source>
        <translation>Der Demo-Server wurde unerwartet beendet (Exit-Code %1).</translation>
    </message>
    <message>
        <source>The demo server did not start within %1 seconds.</source>
        <translation>Der Demo-Server ist nicht innerhalb von %1 Sekunden gestartet.</translation>
    </message>
</context>
<context>
    <name>skein::desktop::DemoStartup</name>
    <message>
        <source>Skein demo</source>
        <translation>Skein-Demo</translation>
    </message>
    <message>
        <source>The demo mailbox cannot be shown.</source>
        <translation>Das Demo-Postfach kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Demo server error</source>
        <translation>Fehler des Demo-Servers</translation>
    </message>
</context>
<context>
    <name>skein::desktop::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>skein::desktop::EngineRequests</name>
    <message>
        <source>Skein is not connected to a server yet. Showing what this computer has.</source>
        <translation>Skein ist noch mit keinem Server verbunden. Angezeigt wird, was auf diesem Computer liegt.</translation>
    </message>
    <message>
        <source>Skein is not connected to a server yet.</source>
        <translation>Skein ist noch mit keinem Server verbunden.</translation>
    </message>
    <message>
        <source>Skein is not connected to a server yet; the messages keep waiting.</source>
        <translation>Skein ist noch mit keinem Server verbunden; die Nachrichten warten weiter.</translation>
    </message>
</context>
<context>
    <name>skein::desktop::LiveMail</name>
    <message>
        <source>Skein tray menu</source>
        <translation>Skein-Menü im Systembereich</translation>
    </message>
    <message>
        <source>Show Skein</source>
        <translation>Skein anzeigen</translation>
    </message>
    <message>
        <source>Check for New Mail</source>
        <translation>Auf neue E-Mails prüfen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Quit Skein</source>
        <translation>Skein beenden</translation>
    </message>
    <message>
        <source>Skein</source>
        <translation>Skein</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>%1 — %2 (%3 new)</source>
        <translation>%1 — %2 (%3 neu)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>An %1</translation>
    </message>
    <message numerus="yes">
        <source>Skein — %n unread</source>
        <translation>
            <numerusform>Skein — %n ungelesen</numerusform>
            <numerusform>Skein — %n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skein::desktop::MailboxSync</name>
    <message>
        <source>Sync failed</source>
        <translation>Synchronisierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>Synced, with problems in %n folder(s)</source>
        <translation>
            <numerusform>Synchronisiert, mit Problemen in %n Ordner</numerusform>
            <numerusform>Synchronisiert, mit Problemen in %n Ordnern</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>skein::eas::ActionReplayer</name>
    <message>
        <source>The server kept answering with an error (HTTP %1) %2 times in a row, so Skein stopped trying and undid this change on this computer.</source>
        <translation>Der Server hat %2-mal hintereinander mit einem Fehler (HTTP %1) geantwortet, daher hat Skein es nicht weiter versucht und diese Änderung auf diesem Computer rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read: %1</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The server did not answer the move of this conversation.</source>
        <translation>Der Server hat auf das Verschieben dieser Unterhaltung nicht geantwortet.</translation>
    </message>
    <message>
        <source>The server did not answer the move of this message.</source>
        <translation>Der Server hat auf das Verschieben dieser Nachricht nicht geantwortet.</translation>
    </message>
    <message>
        <source>The folder no longer exists on the server.</source>
        <translation>Der Ordner existiert auf dem Server nicht mehr.</translation>
    </message>
    <message>
        <source>This server cannot keep conversation rules; Skein keeps “%1” ignored on this computer.</source>
        <translation>Dieser Server kann keine Unterhaltungsregeln speichern; Skein ignoriert „%1“ auf diesem Computer.</translation>
    </message>
    <message>
        <source>This server cannot keep conversation rules; Skein keeps moving “%1” to %2 on this computer.</source>
        <translation>Dieser Server kann keine Unterhaltungsregeln speichern; Skein verschiebt „%1“ auf diesem Computer weiter nach %2.</translation>
    </message>
</context>
<context>
    <name>skein::eas::AttachmentDownloader</name>
    <message>
        <source>The download was cancelled.</source>
        <translation>Der Download wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The server gave this attachment no reference to fetch it by.</source>
        <translation>Der Server hat für diesen Anhang keine Referenz angegeben, über die er abgerufen werden kann.</translation>
    </message>
    <message>
        <source>Choose a file to save the attachment to, not a folder.</source>
        <translation>Wählen Sie eine Datei zum Speichern des Anhangs, keinen Ordner.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot finish writing %1: %2</source>
        <translation>%1 kann nicht fertig geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The server no longer has this attachment; sync the folder and try again.</source>
        <translation>Der Server hat diesen Anhang nicht mehr; synchronisieren Sie den Ordner und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server&apos;s answer cannot be read: %1</source>
        <translation>Die Antwort des Servers kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The download ended after %1 bytes; try again.</source>
        <translation>Der Download endete nach %1 Bytes; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server no longer has this attachment (HTTP %1); sync the folder and try again.</source>
        <translation>Der Server hat diesen Anhang nicht mehr (HTTP %1); synchronisieren Sie den Ordner und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The download ended after %1 of %2 bytes; try again.</source>
        <translation>Der Download endete nach %1 von %2 Bytes; versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>skein::eas::Autodiscover</name>
    <message>
        <source>Enter your whole email address, such as name@example.com.</source>
        <translation>Geben Sie Ihre vollständige E-Mail-Adresse ein, zum Beispiel name@example.com.</translation>
    </message>
    <message>
        <source>No server for %1 answered Autodiscover; enter the server address under Advanced.</source>
        <translation>Kein Server für %1 hat auf Autodiscover geantwortet; geben Sie die Serveradresse unter „Erweitert“ ein.</translation>
    </message>
    <message>
        <source>The server %1 did not answer: %2</source>
        <translation>Der Server %1 hat nicht geantwortet: %2</translation>
    </message>
</context>
<context>
    <name>skein::eas::ConversationMovesCommand</name>
    <message>
        <source>This conversation was grouped by Skein, not by the server, so the server cannot keep a rule for it.</source>
        <translation>Diese Unterhaltung hat Skein zusammengestellt, nicht der Server; daher kann der Server keine Regel für sie speichern.</translation>
    </message>
</context>
<context>
    <name>skein::eas::DeviceCodeFlow</name>
    <message>
        <source>Could not reach the sign-in server: %1</source>
        <translation>Der Anmeldeserver war nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The sign-in server refused to start a device sign-in (%1).</source>
        <translation>Der Anmeldeserver hat es abgelehnt, eine Geräteanmeldung zu beginnen (%1).</translation>
    </message>
    <message>
        <source>The sign-in was declined.</source>
        <translation>Die Anmeldung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was entered. Start the sign-in again.</source>
        <translation>Der Anmeldecode ist abgelaufen, bevor er eingegeben wurde. Beginnen Sie die Anmeldung erneut.</translation>
    </message>
</context>
<context>
    <name>skein::eas::DraftUploader</name>
    <message>
        <source>The server has no Drafts folder.</source>
        <translation>Der Server hat keinen Ordner „Entwürfe“.</translation>
    </message>
</context>
<context>
    <name>skein::eas::EasSession</name>
    <message>
        <source>The server redirected Skein without saying where to.</source>
        <translation>Der Server hat Skein umgeleitet, ohne das Ziel zu nennen.</translation>
    </message>
    <message>
        <source>The server answered OPTIONS with HTTP %1.</source>
        <translation>Der Server hat OPTIONS mit HTTP %1 beantwortet.</translation>
    </message>
    <message>
        <source>The server offers ActiveSync versions %1; Skein needs 12.1 or later.</source>
        <translation>Der Server bietet die ActiveSync-Versionen %1 an; Skein braucht 12.1 oder neuer.</translation>
    </message>
    <message>
        <source>Could not encode the %1 request: %2</source>
        <translation>Die Anfrage %1 konnte nicht codiert werden: %2</translation>
    </message>
    <message>
        <source>The server requires a security policy that Skein could not acknowledge.</source>
        <translation>Der Server verlangt eine Sicherheitsrichtlinie, die Skein nicht bestätigen konnte.</translation>
    </message>
    <message>
        <source>Could not reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The server refused the user name or password.</source>
        <translation>Der Server hat den Benutzernamen oder das Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>The server redirected Skein to another address.</source>
        <translation>Der Server hat Skein an eine andere Adresse umgeleitet.</translation>
    </message>
    <message>
        <source>Your password has expired. Change it, then enter the new one in Skein.</source>
        <translation>Ihr Passwort ist abgelaufen. Ändern Sie es und geben Sie dann das neue in Skein ein.</translation>
    </message>
    <message>
        <source>The server does not implement this command.</source>
        <translation>Der Server unterstützt diesen Befehl nicht.</translation>
    </message>
    <message>
        <source>The server is busy or throttling this device; Skein will try again later.</source>
        <translation>Der Server ist ausgelastet oder drosselt dieses Gerät; Skein versucht es später erneut.</translation>
    </message>
    <message>
        <source>Your mailbox on the server is full.</source>
        <translation>Ihr Postfach auf dem Server ist voll.</translation>
    </message>
    <message>
        <source>The server rejected the request as malformed (HTTP 400).</source>
        <translation>Der Server hat die Anfrage als fehlerhaft abgelehnt (HTTP 400).</translation>
    </message>
    <message>
        <source>The server answered HTTP %1.</source>
        <translation>Der Server hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>The server sent a response Skein cannot read: %1</source>
        <translation>Der Server hat eine Antwort gesendet, die Skein nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted (%1). Skein will not connect until the certificate problem is fixed.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut (%1). Skein verbindet sich erst, wenn das Zertifikatsproblem behoben ist.</translation>
    </message>
    <message>
        <source>The server does not allow this account or device to use ActiveSync (HTTP %1). Ask your administrator.</source>
        <translation>Der Server erlaubt diesem Konto oder Gerät nicht, ActiveSync zu verwenden (HTTP %1). Wenden Sie sich an Ihren Administrator.</translation>
    </message>
    <message>
        <source>The server has no ActiveSync endpoint at %1 (HTTP 404). Check the server address and path: most servers use /Microsoft-Server-ActiveSync, SOGo also /SOGo/Microsoft-Server-ActiveSync.</source>
        <translation>Der Server hat unter %1 keinen ActiveSync-Endpunkt (HTTP 404). Prüfen Sie Serveradresse und Pfad: Die meisten Server verwenden /Microsoft-Server-ActiveSync, SOGo auch /SOGo/Microsoft-Server-ActiveSync.</translation>
    </message>
</context>
<context>
    <name>skein::eas::LoopbackRedirectListener</name>
    <message>
        <source>Could not listen for the browser&apos;s answer: %1</source>
        <translation>Auf die Antwort des Browsers kann nicht gewartet werden: %1</translation>
    </message>
    <message>
        <source>Not here</source>
        <translation>Nicht hier</translation>
    </message>
    <message>
        <source>Skein only expects its sign-in answer here.</source>
        <translation>Skein erwartet hier nur die Antwort auf seine Anmeldung.</translation>
    </message>
    <message>
        <source>Sign-in not accepted</source>
        <translation>Anmeldung nicht angenommen</translation>
    </message>
    <message>
        <source>This answer does not belong to the sign-in Skein started. Go back to Skein.</source>
        <translation>Diese Antwort gehört nicht zu der Anmeldung, die Skein begonnen hat. Kehren Sie zu Skein zurück.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled or refused in the browser.</source>
        <translation>Die Anmeldung wurde im Browser abgebrochen oder abgelehnt.</translation>
    </message>
    <message>
        <source>The sign-in failed in the browser (%1).</source>
        <translation>Die Anmeldung im Browser ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>no code</source>
        <translation>kein Code</translation>
    </message>
    <message>
        <source>Sign-in not completed</source>
        <translation>Anmeldung nicht abgeschlossen</translation>
    </message>
    <message>
        <source>%1 You can close this window.</source>
        <translation>%1 Sie können dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Skein received your sign-in. You can close this window.</source>
        <translation>Skein hat Ihre Anmeldung erhalten. Sie können dieses Fenster schließen.</translation>
    </message>
</context>
<context>
    <name>skein::eas::MimeComposer</name>
    <message>
        <source>&apos;%1&apos; is not an email address</source>
        <translation>„%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>cannot read the attachment &apos;%1&apos;: %2</source>
        <translation>der Anhang „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the message has no recipient; add at least one</source>
        <translation>die Nachricht hat keinen Empfänger; fügen Sie mindestens einen hinzu</translation>
    </message>
    <message>
        <source>the sender &apos;%1&apos; is not one email address</source>
        <translation>der Absender „%1“ ist nicht genau eine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>the message could not be written as MIME</source>
        <translation>die Nachricht konnte nicht als MIME geschrieben werden</translation>
    </message>
</context>
<context>
    <name>skein::eas::NetworkTransport</name>
    <message>
        <source>the server did not answer within %1 seconds</source>
        <translation>der Server hat nicht innerhalb von %1 Sekunden geantwortet</translation>
    </message>
</context>
<context>
    <name>skein::eas::OAuthClient</name>
    <message>
        <source>To sign in, open %1 and enter the code %2</source>
        <translation>Öffnen Sie zum Anmelden %1 und geben Sie den Code %2 ein</translation>
    </message>
    <message>
        <source>Your sign-in to %1 has expired or was revoked. Sign in again to keep syncing; nothing you did is lost.</source>
        <translation>Ihre Anmeldung bei %1 ist abgelaufen oder wurde widerrufen. Melden Sie sich erneut an, um weiter zu synchronisieren; nichts, was Sie getan haben, geht verloren.</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s certificate is not trusted (%1).</source>
        <translation>Dem Zertifikat des Anmeldeservers wird nicht vertraut (%1).</translation>
    </message>
    <message>
        <source>Could not reach the sign-in server: %1</source>
        <translation>Der Anmeldeserver war nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The sign-in server answered HTTP %1; Skein will try again later.</source>
        <translation>Der Anmeldeserver hat mit HTTP %1 geantwortet; Skein versucht es später erneut.</translation>
    </message>
    <message>
        <source>The sign-in server refused Skein&apos;s request (%1). The application id or its permissions may be set up wrongly; see docs/signin.md.</source>
        <translation>Der Anmeldeserver hat die Anfrage von Skein abgelehnt (%1). Die Anwendungs-ID oder ihre Berechtigungen sind möglicherweise falsch eingerichtet; siehe docs/signin.md.</translation>
    </message>
</context>
<context>
    <name>skein::eas::OAuthConfig</name>
    <message>
        <source>Skein has no application (client) id to sign in with. Ask your administrator to register one for Skein and enter it in the account settings (or set %1).</source>
        <translation>Skein hat keine Anwendungs-ID (Client-ID) für die Anmeldung. Bitten Sie Ihren Administrator, eine für Skein zu registrieren, und geben Sie sie in den Kontoeinstellungen ein (oder setzen Sie %1).</translation>
    </message>
</context>
<context>
    <name>skein::eas::OAuthSignIn</name>
    <message>
        <source>The sign-in server refused the sign-in&apos;s code. Try signing in again.</source>
        <translation>Der Anmeldeserver hat den Code der Anmeldung abgelehnt. Versuchen Sie erneut, sich anzumelden.</translation>
    </message>
</context>
<context>
    <name>skein::eas::OutboxDraft</name>
    <message>
        <source>Could not make the folder %1 for the message&apos;s attachments.</source>
        <translation>Der Ordner %1 für die Anhänge der Nachricht konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not write the attachment %1 to %2: %3</source>
        <translation>Der Anhang %1 konnte nicht nach %2 geschrieben werden: %3</translation>
    </message>
    <message>
        <source>Outbox message %1 has no content.</source>
        <translation>Die Nachricht %1 im Postausgang hat keinen Inhalt.</translation>
    </message>
    <message>
        <source>Outbox message %1 could not be read as a mail message.</source>
        <translation>Die Nachricht %1 im Postausgang konnte nicht als E-Mail gelesen werden.</translation>
    </message>
</context>
<context>
    <name>skein::eas::OutboxSender</name>
    <message>
        <source>Skein was interrupted while sending this message and cannot tell whether the server got it (protocol version 12.1 cannot recognise a repeat). Check Sent Items, then send it again or delete it.</source>
        <translation>Skein wurde beim Senden dieser Nachricht unterbrochen und kann nicht feststellen, ob der Server sie erhalten hat (Protokollversion 12.1 kann eine Wiederholung nicht erkennen). Sehen Sie in „Gesendete Elemente“ nach und senden Sie sie dann erneut oder löschen Sie sie.</translation>
    </message>
    <message>
        <source>Could not save the outbox: %1</source>
        <translation>Der Postausgang konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (%1); Skein will send the message again.</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden (%1); Skein sendet die Nachricht erneut.</translation>
    </message>
</context>
<context>
    <name>skein::eas::PingCommand</name>
    <message>
        <source>The Ping answer is not a Ping document.</source>
        <translation>Die Ping-Antwort ist kein Ping-Dokument.</translation>
    </message>
    <message>
        <source>The server answered Ping with an empty body.</source>
        <translation>Der Server hat auf Ping mit einer leeren Antwort reagiert.</translation>
    </message>
    <message>
        <source>The Ping answer carries no status.</source>
        <translation>Die Ping-Antwort enthält keinen Status.</translation>
    </message>
</context>
<context>
    <name>skein::eas::SearchCommand</name>
    <message>
        <source>Nothing to search for.</source>
        <translation>Es gibt nichts zu suchen.</translation>
    </message>
    <message>
        <source>This conversation was grouped by Skein, not by the server, so the server cannot search for it.</source>
        <translation>Diese Unterhaltung hat Skein zusammengestellt, nicht der Server; daher kann der Server nicht nach ihr suchen.</translation>
    </message>
</context>
<context>
    <name>skein::eas::StatusText</name>
    <message>
        <source>The folder was synchronised successfully.</source>
        <translation>Der Ordner wurde erfolgreich synchronisiert.</translation>
    </message>
    <message>
        <source>The server rejected the protocol version Skein used for this folder.</source>
        <translation>Der Server hat die Protokollversion abgelehnt, die Skein für diesen Ordner verwendet hat.</translation>
    </message>
    <message>
        <source>The server says the sync key is invalid; Skein is resynchronising this folder without losing your changes.</source>
        <translation>Laut Server ist der Synchronisierungsschlüssel ungültig; Skein synchronisiert diesen Ordner neu, ohne dass Ihre Änderungen verloren gehen.</translation>
    </message>
    <message>
        <source>The server could not understand Skein&apos;s sync request (a protocol error); this is a Skein bug and the request will not be repeated as is.</source>
        <translation>Der Server konnte die Synchronisierungsanfrage von Skein nicht verstehen (ein Protokollfehler); das ist ein Fehler in Skein, und die Anfrage wird nicht unverändert wiederholt.</translation>
    </message>
    <message>
        <source>The server had a temporary problem while synchronising; Skein will try again shortly.</source>
        <translation>Der Server hatte beim Synchronisieren ein vorübergehendes Problem; Skein versucht es in Kürze erneut.</translation>
    </message>
    <message>
        <source>The server refused one change (for example a flag it considers invalid); Skein stopped sending it.</source>
        <translation>Der Server hat eine Änderung abgelehnt (zum Beispiel eine Kennzeichnung, die er für ungültig hält); Skein sendet sie nicht mehr.</translation>
    </message>
    <message>
        <source>A message was changed both here and on the server at the same time; the server&apos;s version was kept.</source>
        <translation>Eine Nachricht wurde gleichzeitig hier und auf dem Server geändert; die Fassung des Servers wurde beibehalten.</translation>
    </message>
    <message>
        <source>The message no longer exists on the server; Skein refreshed the folder and dropped your pending change.</source>
        <translation>Die Nachricht existiert auf dem Server nicht mehr; Skein hat den Ordner aktualisiert und Ihre ausstehende Änderung verworfen.</translation>
    </message>
    <message>
        <source>Your mailbox is full, so the server could not save the change. Free some space and Skein will retry.</source>
        <translation>Ihr Postfach ist voll, daher konnte der Server die Änderung nicht speichern. Geben Sie etwas Speicherplatz frei, dann versucht Skein es erneut.</translation>
    </message>
    <message>
        <source>The folder list on the server has changed; Skein is refreshing the folder list and will then synchronise again.</source>
        <translation>Die Ordnerliste auf dem Server hat sich geändert; Skein aktualisiert die Ordnerliste und synchronisiert dann erneut.</translation>
    </message>
    <message>
        <source>The server lost track of Skein&apos;s previous request; Skein is sending the full request again.</source>
        <translation>Der Server kennt die vorige Anfrage von Skein nicht mehr; Skein sendet die vollständige Anfrage erneut.</translation>
    </message>
    <message>
        <source>The server does not accept the waiting time Skein asked for; Skein will use a value the server allows.</source>
        <translation>Der Server akzeptiert die von Skein gewünschte Wartezeit nicht; Skein verwendet einen Wert, den der Server erlaubt.</translation>
    </message>
    <message>
        <source>Too many folders were synchronised at once; Skein will synchronise fewer folders per request.</source>
        <translation>Es wurden zu viele Ordner auf einmal synchronisiert; Skein synchronisiert weniger Ordner pro Anfrage.</translation>
    </message>
    <message>
        <source>The server had a temporary problem; Skein will send the request again.</source>
        <translation>Der Server hatte ein vorübergehendes Problem; Skein sendet die Anfrage erneut.</translation>
    </message>
    <message>
        <source>The folder list was updated successfully.</source>
        <translation>Die Ordnerliste wurde erfolgreich aktualisiert.</translation>
    </message>
    <message>
        <source>The server had a temporary problem while listing your folders; Skein will try again shortly.</source>
        <translation>Der Server hatte beim Auflisten Ihrer Ordner ein vorübergehendes Problem; Skein versucht es in Kürze erneut.</translation>
    </message>
    <message>
        <source>The server no longer recognises Skein&apos;s folder list state; Skein is downloading the complete folder list again.</source>
        <translation>Der Server erkennt den Stand der Ordnerliste von Skein nicht mehr; Skein lädt die vollständige Ordnerliste erneut herunter.</translation>
    </message>
    <message>
        <source>The server could not understand Skein&apos;s folder list request; this is a Skein bug.</source>
        <translation>Der Server konnte die Ordnerlisten-Anfrage von Skein nicht verstehen; das ist ein Fehler in Skein.</translation>
    </message>
    <message>
        <source>The server had an unknown problem while listing your folders; Skein will retry and, if needed, download the complete folder list again.</source>
        <translation>Der Server hatte beim Auflisten Ihrer Ordner ein unbekanntes Problem; Skein versucht es erneut und lädt, falls nötig, die vollständige Ordnerliste erneut herunter.</translation>
    </message>
    <message>
        <source>The server had an unusual back-end problem while listing your folders; Skein will retry later.</source>
        <translation>Der Server hatte beim Auflisten Ihrer Ordner ein ungewöhnliches Problem im Hintergrundsystem; Skein versucht es später erneut.</translation>
    </message>
    <message>
        <source>The server estimated how many messages are waiting.</source>
        <translation>Der Server hat geschätzt, wie viele Nachrichten warten.</translation>
    </message>
    <message>
        <source>The server cannot estimate this folder: it does not hold mail (conversation view applies to mail only), or the server no longer knows it.</source>
        <translation>Der Server kann für diesen Ordner keine Schätzung abgeben: Er enthält keine E-Mails (die Unterhaltungsansicht gilt nur für E-Mails), oder der Server kennt ihn nicht mehr.</translation>
    </message>
    <message>
        <source>The folder has not been prepared for synchronisation yet; Skein is starting its first sync.</source>
        <translation>Der Ordner ist noch nicht für die Synchronisierung vorbereitet; Skein beginnt seine erste Synchronisierung.</translation>
    </message>
    <message>
        <source>The server rejected the estimate request (invalid sync key, or conversation view on a folder that holds no mail); Skein will synchronise the folder first.</source>
        <translation>Der Server hat die Schätzungsanfrage abgelehnt (ungültiger Synchronisierungsschlüssel oder Unterhaltungsansicht für einen Ordner ohne E-Mails); Skein synchronisiert den Ordner zuerst.</translation>
    </message>
    <message>
        <source>The device security policy was set up successfully.</source>
        <translation>Die Sicherheitsrichtlinie für das Gerät wurde erfolgreich eingerichtet.</translation>
    </message>
    <message>
        <source>The server could not understand Skein&apos;s security policy request (a protocol error).</source>
        <translation>Der Server konnte die Sicherheitsrichtlinien-Anfrage von Skein nicht verstehen (ein Protokollfehler).</translation>
    </message>
    <message>
        <source>The server had a problem while setting up the device security policy; Skein will try again later.</source>
        <translation>Der Server hatte beim Einrichten der Sicherheitsrichtlinie für das Gerät ein Problem; Skein versucht es später erneut.</translation>
    </message>
    <message>
        <source>The server accepted the device security policy.</source>
        <translation>Der Server hat die Sicherheitsrichtlinie für das Gerät angenommen.</translation>
    </message>
    <message>
        <source>The server has no security policy for this device, so none is needed.</source>
        <translation>Der Server hat keine Sicherheitsrichtlinie für dieses Gerät, daher ist keine nötig.</translation>
    </message>
    <message>
        <source>The server does not know the policy type Skein asked for.</source>
        <translation>Der Server kennt den von Skein angefragten Richtlinientyp nicht.</translation>
    </message>
    <message>
        <source>The security policy stored on the server is damaged; please contact your administrator.</source>
        <translation>Die auf dem Server gespeicherte Sicherheitsrichtlinie ist beschädigt; wenden Sie sich bitte an Ihren Administrator.</translation>
    </message>
    <message>
        <source>Skein acknowledged an outdated security policy; it is setting up the policy again.</source>
        <translation>Skein hat eine veraltete Sicherheitsrichtlinie bestätigt; die Richtlinie wird neu eingerichtet.</translation>
    </message>
    <message>
        <source>The operation completed successfully.</source>
        <translation>Der Vorgang wurde erfolgreich abgeschlossen.</translation>
    </message>
    <message>
        <source>The server could not understand Skein&apos;s request (a protocol error); this is a Skein bug.</source>
        <translation>Der Server konnte die Anfrage von Skein nicht verstehen (ein Protokollfehler); das ist ein Fehler in Skein.</translation>
    </message>
    <message>
        <source>The server had a problem and the operation failed completely or in part; Skein will try again later and refresh the affected folders.</source>
        <translation>Der Server hatte ein Problem, und der Vorgang ist ganz oder teilweise fehlgeschlagen; Skein versucht es später erneut und aktualisiert die betroffenen Ordner.</translation>
    </message>
    <message>
        <source>The document address is not valid.</source>
        <translation>Die Dokumentadresse ist ungültig.</translation>
    </message>
    <message>
        <source>The server denied access to the document.</source>
        <translation>Der Server hat den Zugriff auf das Dokument verweigert.</translation>
    </message>
    <message>
        <source>The message, conversation or destination folder was not found on the server; Skein is refreshing the folder list and the folder.</source>
        <translation>Die Nachricht, die Unterhaltung oder der Zielordner wurde auf dem Server nicht gefunden; Skein aktualisiert die Ordnerliste und den Ordner.</translation>
    </message>
    <message>
        <source>The server could not connect to the document&apos;s location; Skein will try again later.</source>
        <translation>Der Server konnte keine Verbindung zum Speicherort des Dokuments herstellen; Skein versucht es später erneut.</translation>
    </message>
    <message>
        <source>The server does not support this kind of storage.</source>
        <translation>Der Server unterstützt diese Art von Speicher nicht.</translation>
    </message>
    <message>
        <source>The server could not read the file while downloading it; Skein will try again later.</source>
        <translation>Der Server konnte die Datei beim Herunterladen nicht lesen; Skein versucht es später erneut.</translation>
    </message>
    <message>
        <source>The attachment no longer exists or cannot be identified.</source>
        <translation>Der Anhang existiert nicht mehr oder kann nicht zugeordnet werden.</translation>
    </message>
    <message>
        <source>The server denied access to this item.</source>
        <translation>Der Server hat den Zugriff auf dieses Element verweigert.</translation>
    </message>
    <message>
        <source>The operation was only partly completed.</source>
        <translation>Der Vorgang wurde nur teilweise abgeschlossen.</translation>
    </message>
    <message>
        <source>The server needs credentials to reach this document.</source>
        <translation>Der Server benötigt Anmeldedaten, um dieses Dokument zu erreichen.</translation>
    </message>
    <message>
        <source>A conversation cannot be moved into that folder; choose a mail folder.</source>
        <translation>Eine Unterhaltung kann nicht in diesen Ordner verschoben werden; wählen Sie einen E-Mail-Ordner.</translation>
    </message>
    <message>
        <source>The server only moves whole conversations as a permanent rule; Skein will always send it as one.</source>
        <translation>Der Server verschiebt ganze Unterhaltungen nur als dauerhafte Regel; Skein sendet sie immer als solche.</translation>
    </message>
    <message>
        <source>Conversations can only be moved into a mail folder; choose a different destination.</source>
        <translation>Unterhaltungen können nur in einen E-Mail-Ordner verschoben werden; wählen Sie ein anderes Ziel.</translation>
    </message>
    <message>
        <source>The message was already moved or its folder no longer exists; Skein is refreshing the folder list and the folder.</source>
        <translation>Die Nachricht wurde bereits verschoben oder ihr Ordner existiert nicht mehr; Skein aktualisiert die Ordnerliste und den Ordner.</translation>
    </message>
    <message>
        <source>The destination folder no longer exists; Skein is refreshing the folder list.</source>
        <translation>Der Zielordner existiert nicht mehr; Skein aktualisiert die Ordnerliste.</translation>
    </message>
    <message>
        <source>The message was moved successfully.</source>
        <translation>Die Nachricht wurde erfolgreich verschoben.</translation>
    </message>
    <message>
        <source>The message is already in that folder.</source>
        <translation>Die Nachricht ist bereits in diesem Ordner.</translation>
    </message>
    <message>
        <source>The server could not move the message (it may be locked); Skein will try again later.</source>
        <translation>Der Server konnte die Nachricht nicht verschieben (sie ist möglicherweise gesperrt); Skein versucht es später erneut.</translation>
    </message>
    <message>
        <source>The folder is temporarily locked on the server; Skein will try the move again.</source>
        <translation>Der Ordner ist auf dem Server vorübergehend gesperrt; Skein versucht das Verschieben erneut.</translation>
    </message>
    <message>
        <source>The search completed successfully.</source>
        <translation>Die Suche wurde erfolgreich abgeschlossen.</translation>
    </message>
    <message>
        <source>The server rejected the search request; try different search terms.</source>
        <translation>Der Server hat die Suchanfrage abgelehnt; versuchen Sie andere Suchbegriffe.</translation>
    </message>
    <message>
        <source>The server had a problem while searching; Skein will try again.</source>
        <translation>Der Server hatte beim Suchen ein Problem; Skein versucht es erneut.</translation>
    </message>
    <message>
        <source>The document link in the search is not valid.</source>
        <translation>Der Dokumentlink in der Suche ist ungültig.</translation>
    </message>
    <message>
        <source>The server denied access to what you searched.</source>
        <translation>Der Server hat den Zugriff auf das Gesuchte verweigert.</translation>
    </message>
    <message>
        <source>Nothing was found at the searched location.</source>
        <translation>Am durchsuchten Ort wurde nichts gefunden.</translation>
    </message>
    <message>
        <source>The server could not connect to the searched location; Skein will try again.</source>
        <translation>Der Server konnte keine Verbindung zum durchsuchten Ort herstellen; Skein versucht es erneut.</translation>
    </message>
    <message>
        <source>The search is too complex for the server; try a simpler search.</source>
        <translation>Die Suche ist für den Server zu komplex; versuchen Sie eine einfachere Suche.</translation>
    </message>
    <message>
        <source>The search took too long on the server; Skein will try again.</source>
        <translation>Die Suche hat auf dem Server zu lange gedauert; Skein versucht es erneut.</translation>
    </message>
    <message>
        <source>The folder list has changed; Skein is refreshing it before searching again.</source>
        <translation>Die Ordnerliste hat sich geändert; Skein aktualisiert sie, bevor erneut gesucht wird.</translation>
    </message>
    <message>
        <source>The server returns no more results for this search; refine the search to see other messages.</source>
        <translation>Der Server liefert für diese Suche keine weiteren Ergebnisse; verfeinern Sie die Suche, um andere Nachrichten zu sehen.</translation>
    </message>
    <message>
        <source>The server blocked access to what you searched.</source>
        <translation>Der Server hat den Zugriff auf das Gesuchte gesperrt.</translation>
    </message>
    <message>
        <source>The server needs credentials to search this location.</source>
        <translation>Der Server benötigt Anmeldedaten, um diesen Ort zu durchsuchen.</translation>
    </message>
    <message>
        <source>No new changes arrived while Skein was waiting.</source>
        <translation>Während Skein gewartet hat, sind keine neuen Änderungen eingetroffen.</translation>
    </message>
    <message>
        <source>New changes arrived; Skein is synchronising the changed folders.</source>
        <translation>Neue Änderungen sind eingetroffen; Skein synchronisiert die geänderten Ordner.</translation>
    </message>
    <message>
        <source>The server forgot which folders Skein watches; Skein is telling it again.</source>
        <translation>Der Server hat vergessen, welche Ordner Skein überwacht; Skein teilt es ihm erneut mit.</translation>
    </message>
    <message>
        <source>The server could not understand Skein&apos;s request to watch folders; this is a Skein bug.</source>
        <translation>Der Server konnte die Anfrage von Skein zum Überwachen von Ordnern nicht verstehen; das ist ein Fehler in Skein.</translation>
    </message>
    <message>
        <source>Skein is watching more folders than the server allows; it will watch fewer.</source>
        <translation>Skein überwacht mehr Ordner, als der Server erlaubt; Skein überwacht künftig weniger.</translation>
    </message>
    <message>
        <source>The folder list on the server has changed; Skein is refreshing it.</source>
        <translation>Die Ordnerliste auf dem Server hat sich geändert; Skein aktualisiert sie.</translation>
    </message>
    <message>
        <source>The server had a problem while watching for new mail; Skein will try again later.</source>
        <translation>Der Server hatte beim Überwachen auf neue E-Mails ein Problem; Skein versucht es später erneut.</translation>
    </message>
    <message>
        <source>The message was sent.</source>
        <translation>Die Nachricht wurde gesendet.</translation>
    </message>
    <message>
        <source>The server could not read the message request (invalid content); this is a Skein bug. The message stays in the Outbox.</source>
        <translation>Der Server konnte die Nachrichtenanfrage nicht lesen (ungültiger Inhalt); das ist ein Fehler in Skein. Die Nachricht bleibt im Postausgang.</translation>
    </message>
    <message>
        <source>The server could not decode the message request (invalid WBXML); this is a Skein bug. The message stays in the Outbox.</source>
        <translation>Der Server konnte die Nachrichtenanfrage nicht dekodieren (ungültiges WBXML); das ist ein Fehler in Skein. Die Nachricht bleibt im Postausgang.</translation>
    </message>
    <message>
        <source>The server says the message request does not follow the protocol; this is a Skein bug. The message stays in the Outbox.</source>
        <translation>Laut Server entspricht die Nachrichtenanfrage nicht dem Protokoll; das ist ein Fehler in Skein. Die Nachricht bleibt im Postausgang.</translation>
    </message>
    <message>
        <source>The server could not understand a date in the message.</source>
        <translation>Der Server konnte ein Datum in der Nachricht nicht verstehen.</translation>
    </message>
    <message>
        <source>The message names a source message with identifiers that do not belong together.</source>
        <translation>Die Nachricht nennt eine Ausgangsnachricht mit Kennungen, die nicht zusammengehören.</translation>
    </message>
    <message>
        <source>The server could not understand the identifier of the message being answered or forwarded.</source>
        <translation>Der Server konnte die Kennung der beantworteten oder weitergeleiteten Nachricht nicht verstehen.</translation>
    </message>
    <message>
        <source>The server could not read the message (its MIME is not valid); it was not sent.</source>
        <translation>Der Server konnte die Nachricht nicht lesen (ihr MIME ist ungültig); sie wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The server rejected this device&apos;s identifier; the message was not sent.</source>
        <translation>Der Server hat die Kennung dieses Geräts abgelehnt; die Nachricht wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The server rejected this device&apos;s type; the message was not sent.</source>
        <translation>Der Server hat den Typ dieses Geräts abgelehnt; die Nachricht wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The server had an error while sending the message; it was not sent. Edit or send it again from the Outbox.</source>
        <translation>Beim Senden der Nachricht ist auf dem Server ein Fehler aufgetreten; sie wurde nicht gesendet. Bearbeiten oder senden Sie sie erneut aus dem Postausgang.</translation>
    </message>
    <message>
        <source>The server had a temporary error; the message waits in the Outbox and Skein will send it again.</source>
        <translation>Auf dem Server ist ein vorübergehender Fehler aufgetreten; die Nachricht wartet im Postausgang, und Skein sendet sie erneut.</translation>
    </message>
    <message>
        <source>The server cannot find your account in its directory, so it could not send the message; please contact your administrator.</source>
        <translation>Der Server findet Ihr Konto nicht in seinem Verzeichnis, daher konnte er die Nachricht nicht senden; wenden Sie sich bitte an Ihren Administrator.</translation>
    </message>
    <message>
        <source>Your mailbox is full, so the server could not send the message. Delete some messages and send it again.</source>
        <translation>Ihr Postfach ist voll, daher konnte der Server die Nachricht nicht senden. Löschen Sie einige Nachrichten und senden Sie sie erneut.</translation>
    </message>
    <message>
        <source>Your mailbox server is offline; the message waits in the Outbox and Skein will send it again.</source>
        <translation>Ihr Postfachserver ist offline; die Nachricht wartet im Postausgang, und Skein sendet sie erneut.</translation>
    </message>
    <message>
        <source>You have reached your sending limit; the message was not sent.</source>
        <translation>Sie haben Ihr Sendelimit erreicht; die Nachricht wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>One of the recipients could not be found; check the addresses and send the message again.</source>
        <translation>Einer der Empfänger wurde nicht gefunden; prüfen Sie die Adressen und senden Sie die Nachricht erneut.</translation>
    </message>
    <message>
        <source>The server does not allow replying to or forwarding this message.</source>
        <translation>Der Server erlaubt nicht, diese Nachricht zu beantworten oder weiterzuleiten.</translation>
    </message>
    <message>
        <source>The server already has this message (it was sent by an earlier attempt); it was not sent twice.</source>
        <translation>Der Server hat diese Nachricht bereits (sie wurde bei einem früheren Versuch gesendet); sie wurde nicht doppelt gesendet.</translation>
    </message>
    <message>
        <source>The message has no recipient; add at least one and send it again.</source>
        <translation>Die Nachricht hat keinen Empfänger; fügen Sie mindestens einen hinzu und senden Sie sie erneut.</translation>
    </message>
    <message>
        <source>The server could not submit the message for delivery; edit or send it again from the Outbox.</source>
        <translation>Der Server konnte die Nachricht nicht zur Zustellung übergeben; bearbeiten oder senden Sie sie erneut aus dem Postausgang.</translation>
    </message>
    <message>
        <source>The server could not create the reply; the message stays in the Outbox so you can try again.</source>
        <translation>Der Server konnte die Antwort nicht erstellen; die Nachricht bleibt im Postausgang, damit Sie es erneut versuchen können.</translation>
    </message>
    <message>
        <source>An attachment is too large for the server; remove or shrink it and send the message again.</source>
        <translation>Ein Anhang ist zu groß für den Server; entfernen oder verkleinern Sie ihn und senden Sie die Nachricht erneut.</translation>
    </message>
    <message>
        <source>The server found no mailbox for your account, so it could not send the message.</source>
        <translation>Der Server hat kein Postfach für Ihr Konto gefunden, daher konnte er die Nachricht nicht senden.</translation>
    </message>
    <message>
        <source>The server does not allow sending without signing in.</source>
        <translation>Der Server erlaubt das Senden nicht ohne Anmeldung.</translation>
    </message>
    <message>
        <source>The server cannot find your user account, so it could not send the message.</source>
        <translation>Der Server findet Ihr Benutzerkonto nicht, daher konnte er die Nachricht nicht senden.</translation>
    </message>
    <message>
        <source>Your account is not allowed to use Exchange ActiveSync, so it could not send the message.</source>
        <translation>Ihr Konto darf Exchange ActiveSync nicht verwenden, daher konnte die Nachricht nicht gesendet werden.</translation>
    </message>
    <message>
        <source>This device is blocked for your account; the message was not sent.</source>
        <translation>Dieses Gerät ist für Ihr Konto gesperrt; die Nachricht wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>You are not allowed to send this message.</source>
        <translation>Sie dürfen diese Nachricht nicht senden.</translation>
    </message>
    <message>
        <source>Your account is disabled; the message was not sent.</source>
        <translation>Ihr Konto ist deaktiviert; die Nachricht wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>Your mailbox is being moved on the server; the message waits in the Outbox and Skein will send it again.</source>
        <translation>Ihr Postfach wird auf dem Server gerade verschoben; die Nachricht wartet im Postausgang, und Skein sendet sie erneut.</translation>
    </message>
    <message>
        <source>The server does not allow externally managed devices; the message was not sent.</source>
        <translation>Der Server erlaubt keine extern verwalteten Geräte; die Nachricht wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The meeting is not recurring, so a single occurrence cannot be forwarded.</source>
        <translation>Die Besprechung ist keine Serie, daher kann kein einzelnes Vorkommen weitergeleitet werden.</translation>
    </message>
    <message>
        <source>The message you answered or forwarded is no longer on the server (it was moved or deleted); send it as a new message instead.</source>
        <translation>Die Nachricht, die Sie beantwortet oder weitergeleitet haben, ist nicht mehr auf dem Server (sie wurde verschoben oder gelöscht); senden Sie Ihre Nachricht stattdessen als neue Nachricht.</translation>
    </message>
    <message>
        <source>The account used for sending is not valid.</source>
        <translation>Das zum Senden verwendete Konto ist ungültig.</translation>
    </message>
    <message>
        <source>This account is not allowed to send mail.</source>
        <translation>Dieses Konto darf keine E-Mails senden.</translation>
    </message>
    <message>
        <source>Rights management is disabled on the server, so the protected message was not sent.</source>
        <translation>Die Rechteverwaltung ist auf dem Server deaktiviert, daher wurde die geschützte Nachricht nicht gesendet.</translation>
    </message>
    <message>
        <source>Rights management had a temporary problem; the message was not sent.</source>
        <translation>Die Rechteverwaltung hatte ein vorübergehendes Problem; die Nachricht wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>Rights management failed for this message; it was not sent.</source>
        <translation>Die Rechteverwaltung ist für diese Nachricht fehlgeschlagen; sie wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The rights management template is not valid; the message was not sent.</source>
        <translation>Die Vorlage der Rechteverwaltung ist ungültig; die Nachricht wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>Rights management does not permit this message to be sent.</source>
        <translation>Die Rechteverwaltung erlaubt nicht, diese Nachricht zu senden.</translation>
    </message>
    <message>
        <source>The server cannot forward the message with this combination of options.</source>
        <translation>Der Server kann die Nachricht mit dieser Kombination von Optionen nicht weiterleiten.</translation>
    </message>
    <message>
        <source>The server could not understand the forwarding recipients.</source>
        <translation>Der Server konnte die Empfänger der Weiterleitung nicht verstehen.</translation>
    </message>
    <message>
        <source>The server could not read Skein&apos;s request (invalid content); this is a Skein bug.</source>
        <translation>Der Server konnte die Anfrage von Skein nicht lesen (ungültiger Inhalt); das ist ein Fehler in Skein.</translation>
    </message>
    <message>
        <source>The server could not decode Skein&apos;s request (invalid WBXML); this is a Skein bug.</source>
        <translation>Der Server konnte die Anfrage von Skein nicht dekodieren (ungültiges WBXML); das ist ein Fehler in Skein.</translation>
    </message>
    <message>
        <source>The server says Skein&apos;s request does not follow the protocol (invalid XML); this is a Skein bug.</source>
        <translation>Laut Server entspricht die Anfrage von Skein nicht dem Protokoll (ungültiges XML); das ist ein Fehler in Skein.</translation>
    </message>
    <message>
        <source>The server could not understand a date in Skein&apos;s request.</source>
        <translation>Der Server konnte ein Datum in der Anfrage von Skein nicht verstehen.</translation>
    </message>
    <message>
        <source>The request combined identifiers that do not belong together.</source>
        <translation>Die Anfrage hat Kennungen kombiniert, die nicht zusammengehören.</translation>
    </message>
    <message>
        <source>The server could not understand an identifier in Skein&apos;s request.</source>
        <translation>Der Server konnte eine Kennung in der Anfrage von Skein nicht verstehen.</translation>
    </message>
    <message>
        <source>The server could not read the message Skein tried to send.</source>
        <translation>Der Server konnte die Nachricht, die Skein senden wollte, nicht lesen.</translation>
    </message>
    <message>
        <source>The server rejected this device&apos;s identifier.</source>
        <translation>Der Server hat die Kennung dieses Geräts abgelehnt.</translation>
    </message>
    <message>
        <source>The server rejected this device&apos;s type.</source>
        <translation>Der Server hat den Typ dieses Geräts abgelehnt.</translation>
    </message>
    <message>
        <source>The server had an unexpected error; Skein will not repeat this request automatically.</source>
        <translation>Auf dem Server ist ein unerwarteter Fehler aufgetreten; Skein wiederholt diese Anfrage nicht automatisch.</translation>
    </message>
    <message>
        <source>The server had a temporary error; Skein will try again later.</source>
        <translation>Auf dem Server ist ein vorübergehender Fehler aufgetreten; Skein versucht es später erneut.</translation>
    </message>
    <message>
        <source>The server cannot access your account in the directory; please contact your administrator.</source>
        <translation>Der Server kann im Verzeichnis nicht auf Ihr Konto zugreifen; wenden Sie sich bitte an Ihren Administrator.</translation>
    </message>
    <message>
        <source>Your mailbox is full. Delete some messages to continue.</source>
        <translation>Ihr Postfach ist voll. Löschen Sie einige Nachrichten, um fortzufahren.</translation>
    </message>
    <message>
        <source>Your mailbox server is offline; Skein will try again later.</source>
        <translation>Ihr Postfachserver ist offline; Skein versucht es später erneut.</translation>
    </message>
    <message>
        <source>One of the recipients could not be found; check the addresses.</source>
        <translation>Einer der Empfänger wurde nicht gefunden; prüfen Sie die Adressen.</translation>
    </message>
    <message>
        <source>The server does not allow replying to this message.</source>
        <translation>Der Server erlaubt nicht, diese Nachricht zu beantworten.</translation>
    </message>
    <message>
        <source>This message was already sent.</source>
        <translation>Diese Nachricht wurde bereits gesendet.</translation>
    </message>
    <message>
        <source>The message has no recipient; add at least one.</source>
        <translation>Die Nachricht hat keinen Empfänger; fügen Sie mindestens einen hinzu.</translation>
    </message>
    <message>
        <source>The server could not deliver the message; Skein will keep it so you can try again.</source>
        <translation>Der Server konnte die Nachricht nicht zustellen; Skein behält sie, damit Sie es erneut versuchen können.</translation>
    </message>
    <message>
        <source>The server could not create the reply; Skein will keep it so you can try again.</source>
        <translation>Der Server konnte die Antwort nicht erstellen; Skein behält sie, damit Sie es erneut versuchen können.</translation>
    </message>
    <message>
        <source>An attachment is too large for the server.</source>
        <translation>Ein Anhang ist zu groß für den Server.</translation>
    </message>
    <message>
        <source>The server found no mailbox for your account.</source>
        <translation>Der Server hat kein Postfach für Ihr Konto gefunden.</translation>
    </message>
    <message>
        <source>The server does not allow anonymous access; please sign in.</source>
        <translation>Der Server erlaubt keinen anonymen Zugriff; melden Sie sich bitte an.</translation>
    </message>
    <message>
        <source>The server cannot find your user account.</source>
        <translation>Der Server findet Ihr Benutzerkonto nicht.</translation>
    </message>
    <message>
        <source>Your account is not allowed to use Exchange ActiveSync; please contact your administrator.</source>
        <translation>Ihr Konto darf Exchange ActiveSync nicht verwenden; wenden Sie sich bitte an Ihren Administrator.</translation>
    </message>
    <message>
        <source>The server is configured not to synchronise your mailbox.</source>
        <translation>Der Server ist so eingerichtet, dass er Ihr Postfach nicht synchronisiert.</translation>
    </message>
    <message>
        <source>Your mailbox is on an older server that does not allow synchronisation.</source>
        <translation>Ihr Postfach liegt auf einem älteren Server, der keine Synchronisierung erlaubt.</translation>
    </message>
    <message>
        <source>This device is blocked for your account; please contact your administrator.</source>
        <translation>Dieses Gerät ist für Ihr Konto gesperrt; wenden Sie sich bitte an Ihren Administrator.</translation>
    </message>
    <message>
        <source>You are not allowed to perform this action.</source>
        <translation>Sie dürfen diese Aktion nicht ausführen.</translation>
    </message>
    <message>
        <source>Your account is disabled; please contact your administrator.</source>
        <translation>Ihr Konto ist deaktiviert; wenden Sie sich bitte an Ihren Administrator.</translation>
    </message>
    <message>
        <source>The server lost its synchronisation data; Skein will resynchronise the affected folders.</source>
        <translation>Der Server hat seine Synchronisierungsdaten verloren; Skein synchronisiert die betroffenen Ordner neu.</translation>
    </message>
    <message>
        <source>Your mailbox is being moved on the server; Skein will try again later.</source>
        <translation>Ihr Postfach wird auf dem Server gerade verschoben; Skein versucht es später erneut.</translation>
    </message>
    <message>
        <source>The server&apos;s synchronisation data is damaged; Skein will resynchronise the affected folders.</source>
        <translation>Die Synchronisierungsdaten des Servers sind beschädigt; Skein synchronisiert die betroffenen Ordner neu.</translation>
    </message>
    <message>
        <source>A synchronisation was already starting on the server; Skein will try again.</source>
        <translation>Auf dem Server begann bereits eine Synchronisierung; Skein versucht es erneut.</translation>
    </message>
    <message>
        <source>The server&apos;s synchronisation data is from an incompatible version; Skein will resynchronise the affected folders.</source>
        <translation>Die Synchronisierungsdaten des Servers stammen aus einer inkompatiblen Version; Skein synchronisiert die betroffenen Ordner neu.</translation>
    </message>
    <message>
        <source>The server does not support this command.</source>
        <translation>Der Server unterstützt diesen Befehl nicht.</translation>
    </message>
    <message>
        <source>The server does not support this command in the protocol version Skein uses.</source>
        <translation>Der Server unterstützt diesen Befehl in der Protokollversion, die Skein verwendet, nicht.</translation>
    </message>
    <message>
        <source>This device cannot fully apply the server&apos;s security policies.</source>
        <translation>Dieses Gerät kann die Sicherheitsrichtlinien des Servers nicht vollständig anwenden.</translation>
    </message>
    <message>
        <source>The server requested that this device be wiped; Skein is contacting the server to confirm.</source>
        <translation>Der Server hat verlangt, dieses Gerät zu löschen; Skein nimmt zur Bestätigung Kontakt mit dem Server auf.</translation>
    </message>
    <message>
        <source>The server&apos;s security policy does not allow this kind of device.</source>
        <translation>Die Sicherheitsrichtlinie des Servers erlaubt diese Art von Gerät nicht.</translation>
    </message>
    <message>
        <source>The server requires a device security policy; Skein is setting it up.</source>
        <translation>Der Server verlangt eine Sicherheitsrichtlinie für das Gerät; Skein richtet sie ein.</translation>
    </message>
    <message>
        <source>The server&apos;s security policy needs refreshing; Skein is updating it.</source>
        <translation>Die Sicherheitsrichtlinie des Servers muss aufgefrischt werden; Skein aktualisiert sie.</translation>
    </message>
    <message>
        <source>The security policy on this device is out of date; Skein is updating it.</source>
        <translation>Die Sicherheitsrichtlinie auf diesem Gerät ist veraltet; Skein aktualisiert sie.</translation>
    </message>
    <message>
        <source>The server does not allow externally managed devices.</source>
        <translation>Der Server erlaubt keine extern verwalteten Geräte.</translation>
    </message>
    <message>
        <source>The server does not know this type of item.</source>
        <translation>Der Server kennt diese Art von Element nicht.</translation>
    </message>
    <message>
        <source>The server could not reach the remote server securely.</source>
        <translation>Der Server konnte den entfernten Server nicht sicher erreichen.</translation>
    </message>
    <message>
        <source>The server could not repeat Skein&apos;s previous request; Skein is sending the full request again.</source>
        <translation>Der Server konnte die vorige Anfrage von Skein nicht wiederholen; Skein sendet die vollständige Anfrage erneut.</translation>
    </message>
    <message>
        <source>The original message was not found on the server; it may have been moved or deleted.</source>
        <translation>Die ursprüngliche Nachricht wurde auf dem Server nicht gefunden; vielleicht wurde sie verschoben oder gelöscht.</translation>
    </message>
    <message>
        <source>Your mailbox has too many folders for the server.</source>
        <translation>Ihr Postfach hat zu viele Ordner für den Server.</translation>
    </message>
    <message>
        <source>The server found no folders in your mailbox.</source>
        <translation>Der Server hat in Ihrem Postfach keine Ordner gefunden.</translation>
    </message>
    <message>
        <source>Some messages could not be found after they were moved.</source>
        <translation>Einige Nachrichten wurden nach dem Verschieben nicht gefunden.</translation>
    </message>
    <message>
        <source>The server had an error while moving the messages.</source>
        <translation>Beim Verschieben der Nachrichten ist auf dem Server ein Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>The server only moves whole conversations as a permanent rule.</source>
        <translation>Der Server verschiebt ganze Unterhaltungen nur als dauerhafte Regel.</translation>
    </message>
    <message>
        <source>The destination folder is not valid for this move.</source>
        <translation>Der Zielordner ist für dieses Verschieben ungültig.</translation>
    </message>
    <message>
        <source>Too many recipients for the availability check.</source>
        <translation>Zu viele Empfänger für die Verfügbarkeitsprüfung.</translation>
    </message>
    <message>
        <source>A distribution list is too large for the availability check.</source>
        <translation>Eine Verteilerliste ist zu groß für die Verfügbarkeitsprüfung.</translation>
    </message>
    <message>
        <source>The availability service had a temporary problem; Skein will try again later.</source>
        <translation>Der Verfügbarkeitsdienst hatte ein vorübergehendes Problem; Skein versucht es später erneut.</translation>
    </message>
    <message>
        <source>The availability service failed.</source>
        <translation>Der Verfügbarkeitsdienst ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The server does not support the message-part format Skein asked for; Skein will fetch the whole message.</source>
        <translation>Der Server unterstützt das von Skein angefragte Format für Nachrichtenteile nicht; Skein ruft die ganze Nachricht ab.</translation>
    </message>
    <message>
        <source>The server needs this device&apos;s information before setting up the security policy.</source>
        <translation>Der Server benötigt die Angaben zu diesem Gerät, bevor er die Sicherheitsrichtlinie einrichtet.</translation>
    </message>
    <message>
        <source>Rights management is disabled on the server.</source>
        <translation>Die Rechteverwaltung ist auf dem Server deaktiviert.</translation>
    </message>
    <message>
        <source>Rights management had a temporary problem; Skein will try again later.</source>
        <translation>Die Rechteverwaltung hatte ein vorübergehendes Problem; Skein versucht es später erneut.</translation>
    </message>
    <message>
        <source>Rights management failed for this message.</source>
        <translation>Die Rechteverwaltung ist für diese Nachricht fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The rights management template is not valid.</source>
        <translation>Die Vorlage der Rechteverwaltung ist ungültig.</translation>
    </message>
    <message>
        <source>Rights management does not permit this operation.</source>
        <translation>Die Rechteverwaltung erlaubt diesen Vorgang nicht.</translation>
    </message>
    <message>
        <source>This contact has no picture.</source>
        <translation>Dieser Kontakt hat kein Bild.</translation>
    </message>
    <message>
        <source>The picture is too large.</source>
        <translation>Das Bild ist zu groß.</translation>
    </message>
    <message>
        <source>Too many pictures were requested.</source>
        <translation>Es wurden zu viele Bilder angefordert.</translation>
    </message>
    <message>
        <source>The conversation is too large for the server to split into parts; Skein will show the full messages instead.</source>
        <translation>Die Unterhaltung ist zu groß, als dass der Server sie in Teile zerlegen könnte; Skein zeigt stattdessen die vollständigen Nachrichten.</translation>
    </message>
    <message>
        <source>Your account has reached its maximum number of devices; remove an old device on the server to continue.</source>
        <translation>Ihr Konto hat die Höchstzahl an Geräten erreicht; entfernen Sie auf dem Server ein altes Gerät, um fortzufahren.</translation>
    </message>
    <message>
        <source>The server could not understand the forwarding details.</source>
        <translation>Der Server konnte die Angaben zur Weiterleitung nicht verstehen.</translation>
    </message>
    <message>
        <source>The draft has no recipients or an invalid address.</source>
        <translation>Der Entwurf hat keine Empfänger oder eine ungültige Adresse.</translation>
    </message>
    <message>
        <source>Some changes to the meeting series could not be saved.</source>
        <translation>Einige Änderungen an der Besprechungsserie konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The request completed successfully.</source>
        <translation>Die Anfrage wurde erfolgreich abgeschlossen.</translation>
    </message>
    <message>
        <source>The server answered %1 with status %2, a code Skein has no explanation for; it will retry later.</source>
        <translation>Der Server hat auf %1 mit Status %2 geantwortet, einem Code, für den Skein keine Erklärung hat; Skein versucht es später erneut.</translation>
    </message>
</context>
<context>
    <name>skein::eas::SyncEngine</name>
    <message>
        <source>Push is paused: %1</source>
        <translation>Push ist angehalten: %1</translation>
    </message>
    <message>
        <source>The server does not offer push (%1); Skein checks for mail at the interval instead.</source>
        <translation>Der Server bietet kein Push an (%1); Skein prüft stattdessen im Intervall auf E-Mails.</translation>
    </message>
    <message>
        <source>Push is interrupted (%1); trying again in %2 s.</source>
        <translation>Push ist unterbrochen (%1); neuer Versuch in %2 s.</translation>
    </message>
    <message>
        <source>The server could not keep push open (Ping status %1); trying again in %2 s.</source>
        <translation>Der Server konnte Push nicht offen halten (Ping-Status %1); neuer Versuch in %2 s.</translation>
    </message>
    <message>
        <source>There is no folder %1.</source>
        <translation>Es gibt keinen Ordner %1.</translation>
    </message>
</context>
<context>
    <name>skein::eas::SyncRunner</name>
    <message>
        <source>The folder list from the server could not be read: %1</source>
        <translation>Die Ordnerliste des Servers konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not save the folder list: %1</source>
        <translation>Die Ordnerliste konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The server gave no sync key for this folder; Skein will try again on the next sync.</source>
        <translation>Der Server hat für diesen Ordner keinen Synchronisierungsschlüssel geliefert; Skein versucht es bei der nächsten Synchronisierung erneut.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read: %1</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The folder no longer exists on the server.</source>
        <translation>Der Ordner existiert auf dem Server nicht mehr.</translation>
    </message>
    <message>
        <source>Could not save what the server sent: %1</source>
        <translation>Was der Server gesendet hat, konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The message is no longer stored.</source>
        <translation>Die Nachricht ist nicht mehr gespeichert.</translation>
    </message>
    <message>
        <source>The message is no longer stored on this computer (it was deleted or moved by a sync).</source>
        <translation>Die Nachricht ist nicht mehr auf diesem Computer gespeichert (sie wurde durch eine Synchronisierung gelöscht oder verschoben).</translation>
    </message>
    <message>
        <source>Searched this computer: the server cannot search by conversation. These are the messages of all synced folders.</source>
        <translation>Auf diesem Computer gesucht: Der Server kann nicht nach Unterhaltungen suchen. Dies sind die Nachrichten aller synchronisierten Ordner.</translation>
    </message>
    <message>
        <source>%1 Showing what this computer has synced instead (all synced folders).</source>
        <translation>%1 Stattdessen wird angezeigt, was dieser Computer synchronisiert hat (alle synchronisierten Ordner).</translation>
    </message>
    <message>
        <source>The server could not search: %1</source>
        <translation>Der Server konnte nicht suchen: %1</translation>
    </message>
    <message>
        <source>The server&apos;s search answer could not be read.</source>
        <translation>Die Suchantwort des Servers konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The server has no address book to search.</source>
        <translation>Der Server hat kein Adressbuch, das sich durchsuchen lässt.</translation>
    </message>
    <message>
        <source>The server&apos;s address book answer could not be read.</source>
        <translation>Die Adressbuch-Antwort des Servers konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>skein::ui::AccountBrowserPage</name>
    <message>
        <source>Finish signing in in your browser</source>
        <translation>Schließen Sie die Anmeldung in Ihrem Browser ab</translation>
    </message>
    <message>
        <source>Sign-in link</source>
        <translation>Anmeldelink</translation>
    </message>
    <message>
        <source>Co&amp;py link</source>
        <translation>Link ko&amp;pieren</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Copies the sign-in link, to paste into a browser</source>
        <translation>Kopiert den Anmeldelink, um ihn in einen Browser einzufügen</translation>
    </message>
    <message>
        <source>Copied. Paste it into your browser&apos;s address bar.</source>
        <translation>Kopiert. Fügen Sie ihn in die Adressleiste Ihres Browsers ein.</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Link kopiert</translation>
    </message>
    <message>
        <source>Skein opened &lt;a href=&quot;%1&quot;&gt;the sign-in page&lt;/a&gt; in your browser; if nothing opened, copy the link and paste it into your browser.</source>
        <translation>Skein hat &lt;a href=&quot;%1&quot;&gt;die Anmeldeseite&lt;/a&gt; in Ihrem Browser geöffnet; falls sich nichts geöffnet hat, kopieren Sie den Link und fügen Sie ihn in Ihren Browser ein.</translation>
    </message>
    <message>
        <source>Skein could not start a web browser. Copy the link and open it in a browser on this computer: &lt;a href=&quot;%1&quot;&gt;the sign-in page&lt;/a&gt;.</source>
        <translation>Skein konnte keinen Webbrowser starten. Kopieren Sie den Link und öffnen Sie ihn in einem Browser auf diesem Computer: &lt;a href=&quot;%1&quot;&gt;die Anmeldeseite&lt;/a&gt;.</translation>
    </message>
</context>
<context>
    <name>skein::ui::AccountCredentialsPage</name>
    <message>
        <source>Why Skein asks</source>
        <translation>Warum Skein fragt</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Where Skein connects</source>
        <translation>Wohin Skein sich verbindet</translation>
    </message>
    <message>
        <source>Sign in with &amp;Microsoft</source>
        <translation>Mit &amp;Microsoft anmelden</translation>
    </message>
    <message>
        <source>Sign in with Microsoft</source>
        <translation>Mit Microsoft anmelden</translation>
    </message>
    <message>
        <source>Opens the Microsoft sign-in page in your browser</source>
        <translation>Öffnet die Microsoft-Anmeldeseite in Ihrem Browser</translation>
    </message>
    <message>
        <source>or sign in with a password</source>
        <translation>oder mit einem Passwort anmelden</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>A&amp;dvanced: server, path and user name</source>
        <translation>&amp;Erweitert: Server, Pfad und Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Signs in with the password</source>
        <translation>Meldet sich mit dem Passwort an</translation>
    </message>
    <message>
        <source>A&amp;dvanced: server, path, user name and application id</source>
        <translation>&amp;Erweitert: Server, Pfad, Benutzername und Anwendungs-ID</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>Sign in as %1</source>
        <translation>Als %1 anmelden</translation>
    </message>
    <message>
        <source>Exchange ActiveSync server: not set yet</source>
        <translation>Exchange-ActiveSync-Server: noch nicht festgelegt</translation>
    </message>
    <message>
        <source>Exchange ActiveSync at &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Exchange ActiveSync auf &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>skein::ui::AccountDialog</name>
    <message>
        <source>Set up your mail account</source>
        <translation>E-Mail-Konto einrichten</translation>
    </message>
    <message>
        <source>Account setup</source>
        <translation>Kontoeinrichtung</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Set &amp;up manually</source>
        <translation>&amp;Manuell einrichten</translation>
    </message>
    <message>
        <source>Set up manually</source>
        <translation>Manuell einrichten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel lookup</source>
        <translation>Suche abbrechen</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>The server did not accept this user name and password. Check both and try again.</source>
        <translation>Der Server hat diesen Benutzernamen und dieses Passwort nicht akzeptiert. Prüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Skein could not reach the server. Check the server address and your network connection.</source>
        <translation>Skein konnte den Server nicht erreichen. Prüfen Sie die Serveradresse und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so Skein will not connect. Skein never accepts an untrusted certificate: ask your administrator for a certificate from a trusted authority, or add the authority to this computer&apos;s trusted certificates.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut, daher verbindet sich Skein nicht. Skein akzeptiert nie ein nicht vertrauenswürdiges Zertifikat: Bitten Sie Ihren Administrator um ein Zertifikat einer vertrauenswürdigen Stelle, oder fügen Sie die Stelle den vertrauenswürdigen Zertifikaten dieses Computers hinzu.</translation>
    </message>
    <message>
        <source>The server refused the connection.</source>
        <translation>Der Server hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>Your sign-in to %1 has expired or was revoked. Sign in again to keep syncing; nothing you did is lost.</source>
        <translation>Ihre Anmeldung bei %1 ist abgelaufen oder wurde widerrufen. Melden Sie sich erneut an, um weiter zu synchronisieren; nichts, was Sie getan haben, geht verloren.</translation>
    </message>
    <message>
        <source>Looking up the server for %1…</source>
        <translation>Server für %1 wird gesucht…</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>Enter the server address your administrator gave you below.</source>
        <translation>Geben Sie unten die Serveradresse ein, die Sie von Ihrem Administrator erhalten haben.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Skein continues by itself once you have signed in.</source>
        <translation>Skein macht von selbst weiter, sobald Sie angemeldet sind.</translation>
    </message>
    <message>
        <source>Connecting to %1 ...</source>
        <translation>Verbindung mit %1 wird hergestellt ...</translation>
    </message>
    <message>
        <source>1 folder</source>
        <translation>1 Ordner</translation>
    </message>
    <message>
        <source>%1 folders</source>
        <translation>%1 Ordner</translation>
    </message>
    <message>
        <source>Connected. The server speaks ActiveSync %1; %2 found.</source>
        <translation>Verbunden. Der Server spricht ActiveSync %1; %2 gefunden.</translation>
    </message>
</context>
<context>
    <name>skein::ui::AccountEmailPage</name>
    <message>
        <source>Add your mail account</source>
        <translation>E-Mail-Konto hinzufügen</translation>
    </message>
    <message>
        <source>Enter your email address. Skein finds your server and asks you to sign in with a password or your Microsoft account.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse ein. Skein findet Ihren Server und bittet Sie, sich mit einem Passwort oder Ihrem Microsoft-Konto anzumelden.</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Einführung</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>sie@example.com</translation>
    </message>
    <message>
        <source>Enter a complete email address, like name@example.com.</source>
        <translation>Geben Sie eine vollständige E-Mail-Adresse ein, etwa name@example.com.</translation>
    </message>
    <message>
        <source>Email address problem</source>
        <translation>Problem mit der E-Mail-Adresse</translation>
    </message>
    <message>
        <source>&amp;Email address:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
</context>
<context>
    <name>skein::ui::AccountServerFields</name>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>https://mail.example.com</source>
        <translation>https://mail.example.com</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <source>Endpoint path</source>
        <translation>Endpunktpfad</translation>
    </message>
    <message>
        <source>P&amp;ath:</source>
        <translation>P&amp;fad:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>sie@example.com</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Application (client) id</source>
        <translation>Anwendungs-ID (Client-ID)</translation>
    </message>
    <message>
        <source>from your administrator, e.g. 00000000-0000-0000-0000-000000000000</source>
        <translation>von Ihrem Administrator, z. B. 00000000-0000-0000-0000-000000000000</translation>
    </message>
    <message>
        <source>Application (&amp;client) id:</source>
        <translation>Anwendungs-ID (&amp;Client):</translation>
    </message>
    <message>
        <source>The id under which your organisation registered Skein with Microsoft</source>
        <translation>Die ID, unter der Ihre Organisation Skein bei Microsoft registriert hat</translation>
    </message>
</context>
<context>
    <name>skein::ui::AttachmentList</name>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the attachment</source>
        <translation>Anhang öffnen</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Save the attachment as</source>
        <translation>Anhang speichern unter</translation>
    </message>
    <message>
        <source>Save All…</source>
        <translation>Alle speichern…</translation>
    </message>
    <message>
        <source>Save all attachments</source>
        <translation>Alle Anhänge speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Herunterladen abbrechen</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Fortschritt des Herunterladens</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Save All Attachments</source>
        <translation>Alle Anhänge speichern</translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was saved.</source>
        <translation>Herunterladen abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Opened.</source>
        <translation>Geöffnet.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>skein::ui::AttachmentOpener</name>
    <message>
        <source>Cannot make a private folder for the attachment: %1</source>
        <translation>Für den Anhang kann kein privater Ordner angelegt werden: %1</translation>
    </message>
    <message>
        <source>Cannot make a private folder for the attachment in %1.</source>
        <translation>Für den Anhang kann in %1 kein privater Ordner angelegt werden.</translation>
    </message>
    <message>
        <source>Skein opens only attachments it fetched itself.</source>
        <translation>Skein öffnet nur Anhänge, die es selbst abgerufen hat.</translation>
    </message>
    <message>
        <source>Cannot make %1 private; it was not opened.</source>
        <translation>%1 kann nicht privat gemacht werden; die Datei wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>No program on this computer opens %1. Use Save As… instead.</source>
        <translation>Kein Programm auf diesem Computer öffnet %1. Verwenden Sie stattdessen „Speichern unter…“.</translation>
    </message>
</context>
<context>
    <name>skein::ui::Banner</name>
    <message>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss error message</source>
        <translation>Fehlermeldung schließen</translation>
    </message>
</context>
<context>
    <name>skein::ui::BodyView</name>
    <message>
        <source>Blocked image, %1 × %2</source>
        <translation>Blockiertes Bild, %1 × %2</translation>
    </message>
    <message>
        <source>Blocked image, %1 pixels wide</source>
        <translation>Blockiertes Bild, %1 Pixel breit</translation>
    </message>
    <message>
        <source>Blocked image, %1 pixels high</source>
        <translation>Blockiertes Bild, %1 Pixel hoch</translation>
    </message>
    <message>
        <source>Blocked image</source>
        <translation>Blockiertes Bild</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>Nachrichtentext</translation>
    </message>
</context>
<context>
    <name>skein::ui::CentrePages</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
</context>
<context>
    <name>skein::ui::ComposerAttachmentList</name>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Attachments in total</source>
        <translation>Anhänge insgesamt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>%1 (%2), sent with the forward</source>
        <translation>%1 (%2), wird mit der Weiterleitung gesendet</translation>
    </message>
    <message>
        <source>The server attaches the original&apos;s files when it forwards the message</source>
        <translation>Der Server hängt die Dateien des Originals an, wenn er die Nachricht weiterleitet</translation>
    </message>
</context>
<context>
    <name>skein::ui::ComposerWindow</name>
    <message>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>Why the message was not sent</source>
        <translation>Warum die Nachricht nicht gesendet wurde</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Name &lt;address&gt;, separated by commas</source>
        <translation>Name &lt;Adresse&gt;, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc:</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>&amp;Bcc:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>Be&amp;treff:</translation>
    </message>
    <message>
        <source>The message answered</source>
        <translation>Die beantwortete Nachricht</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Enter)</source>
        <translation>Nachricht senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>An&amp;hängen…</translation>
    </message>
    <message>
        <source>Add files to the message; you can also drop them on the window</source>
        <translation>Dateien an die Nachricht anhängen; Sie können sie auch auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Throw this message away</source>
        <translation>Diese Nachricht verwerfen</translation>
    </message>
    <message>
        <source>Show the Bcc field: recipients the others do not see</source>
        <translation>Bcc-Feld anzeigen: Empfänger, die die anderen nicht sehen</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <source>Send this message as plain text only, without formatting</source>
        <translation>Diese Nachricht nur als reinen Text senden, ohne Formatierung</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Aufzählung</translation>
    </message>
    <message>
        <source>“%1” is not an email address. Correct it or remove it, then send again.</source>
        <translation>„%1“ ist keine E-Mail-Adresse. Korrigieren oder entfernen Sie sie und senden Sie dann erneut.</translation>
    </message>
    <message>
        <source>Add at least one recipient in To, Cc or Bcc, then send again.</source>
        <translation>Fügen Sie mindestens einen Empfänger unter An, Cc oder Bcc hinzu und senden Sie dann erneut.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Could not attach %1: the file cannot be read.</source>
        <translation>%1 konnte nicht angehängt werden: Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Keep this draft?</source>
        <translation>Diesen Entwurf behalten?</translation>
    </message>
    <message>
        <source>A kept draft can be opened again from Drafts.</source>
        <translation>Ein behaltener Entwurf kann unter „Entwürfe“ wieder geöffnet werden.</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation>Entwurf behalten</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>Entwurf verwerfen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Go back to the message</source>
        <translation>Zurück zur Nachricht</translation>
    </message>
</context>
<context>
    <name>skein::ui::ConversationActionsController</name>
    <message>
        <source>Skein could not %1.</source>
        <translation>Skein konnte diese Aktion nicht ausführen: %1.</translation>
    </message>
    <message>
        <source>This server cannot keep conversation rules; Skein keeps “%1” ignored on this computer.</source>
        <translation>Dieser Server kann keine Unterhaltungsregeln speichern; Skein ignoriert „%1“ auf diesem Computer.</translation>
    </message>
    <message>
        <source>This server cannot keep conversation rules; Skein keeps moving “%1” to %2 on this computer.</source>
        <translation>Dieser Server kann keine Unterhaltungsregeln speichern; Skein verschiebt „%1“ auf diesem Computer weiter nach %2.</translation>
    </message>
    <message>
        <source>Ignoring “%1”: its messages and any new ones go to %2.</source>
        <translation>„%1“ wird ignoriert: Ihre Nachrichten und alle neuen kommen nach %2.</translation>
    </message>
    <message>
        <source>Deleted “%1” permanently.</source>
        <translation>„%1“ endgültig gelöscht.</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Erledigt: %1.</translation>
    </message>
    <message>
        <source>The server refused a change: %1</source>
        <translation>Der Server hat eine Änderung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Skein undid it on this computer.</source>
        <translation>Skein hat sie auf diesem Computer rückgängig gemacht.</translation>
    </message>
    <message>
        <source>empty %1</source>
        <translation>%1 leeren</translation>
    </message>
    <message>
        <source>Skein could not %1: %2</source>
        <translation>Skein konnte diese Aktion nicht ausführen: %1: %2</translation>
    </message>
    <message>
        <source>The change was undone on this computer: the messages are back where they were.</source>
        <translation>Die Änderung wurde auf diesem Computer rückgängig gemacht: Die Nachrichten sind wieder, wo sie waren.</translation>
    </message>
    <message>
        <source>The change was undone on this computer.</source>
        <translation>Die Änderung wurde auf diesem Computer rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Not sent yet: %1
Skein sends them at the next sync.</source>
        <translation>Noch nicht gesendet: %1
Skein sendet sie bei der nächsten Synchronisierung.</translation>
    </message>
</context>
<context>
    <name>skein::ui::ConversationActionsDialogs</name>
    <message>
        <source>Delete Permanently</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <source>Delete the message of “%1” in Deleted Items permanently?</source>
        <translation>Die Nachricht von „%1“ in „Gelöschte Elemente“ endgültig löschen?</translation>
    </message>
    <message>
        <source>Delete the %1 messages of “%2” in Deleted Items permanently?</source>
        <translation>Die %1 Nachrichten von „%2“ in „Gelöschte Elemente“ endgültig löschen?</translation>
    </message>
    <message>
        <source>&amp;Delete Permanently</source>
        <translation>Endgültig lö&amp;schen</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>Empty %1</source>
        <translation>%1 leeren</translation>
    </message>
    <message>
        <source>Delete the message in %1 permanently?</source>
        <translation>Die Nachricht in %1 endgültig löschen?</translation>
    </message>
    <message>
        <source>Delete all %1 messages in %2 permanently?</source>
        <translation>Alle %1 Nachrichten in %2 endgültig löschen?</translation>
    </message>
    <message>
        <source>&amp;Empty %1</source>
        <translation>%1 &amp;leeren</translation>
    </message>
    <message>
        <source>Skein could not empty %1.</source>
        <translation>Skein konnte %1 nicht leeren.</translation>
    </message>
    <message>
        <source>empty %1</source>
        <translation>%1 leeren</translation>
    </message>
    <message>
        <source>Emptied %1.</source>
        <translation>%1 geleert.</translation>
    </message>
    <message>
        <source>They are deleted on the server too, and cannot be brought back.</source>
        <translation>Sie werden auch auf dem Server gelöscht und können nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Skein could not stop the rule for “%1”.</source>
        <translation>Skein konnte die Regel für „%1“ nicht beenden.</translation>
    </message>
    <message>
        <source>Stopped the rule for “%1”; its messages are on their way back.</source>
        <translation>Die Regel für „%1“ ist beendet; ihre Nachrichten sind auf dem Rückweg.</translation>
    </message>
    <message>
        <source>Stopped the rule for “%1”.</source>
        <translation>Die Regel für „%1“ ist beendet.</translation>
    </message>
</context>
<context>
    <name>skein::ui::ConversationCommands</name>
    <message>
        <source>Mark as &amp;Read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Mark the conversation&apos;s messages in this folder as read</source>
        <translation>Die Nachrichten der Unterhaltung in diesem Ordner als gelesen markieren</translation>
    </message>
    <message>
        <source>Mark as &amp;Unread</source>
        <translation>Als &amp;ungelesen markieren</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Mark the conversation&apos;s messages in this folder as unread</source>
        <translation>Die Nachrichten der Unterhaltung in diesem Ordner als ungelesen markieren</translation>
    </message>
    <message>
        <source>&amp;Flag for Follow-Up</source>
        <translation>Zur &amp;Nachverfolgung kennzeichnen</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Kennzeichnen</translation>
    </message>
    <message>
        <source>Flag the newest message of the conversation in this folder</source>
        <translation>Die neueste Nachricht der Unterhaltung in diesem Ordner kennzeichnen</translation>
    </message>
    <message>
        <source>C&amp;lear Flag</source>
        <translation>Kennzeichnung &amp;löschen</translation>
    </message>
    <message>
        <source>Clear Flag</source>
        <translation>Kennzeichnung löschen</translation>
    </message>
    <message>
        <source>Remove the flags of the conversation&apos;s messages in this folder</source>
        <translation>Die Kennzeichnungen der Nachrichten der Unterhaltung in diesem Ordner entfernen</translation>
    </message>
    <message>
        <source>Mark &amp;Complete</source>
        <translation>Als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Mark the flagged messages of the conversation in this folder complete</source>
        <translation>Die gekennzeichneten Nachrichten der Unterhaltung in diesem Ordner als erledigt markieren</translation>
    </message>
    <message>
        <source>&amp;Delete Conversation</source>
        <translation>Unterhaltung lö&amp;schen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Move the conversation&apos;s messages in this folder to Deleted Items</source>
        <translation>Die Nachrichten der Unterhaltung in diesem Ordner nach „Gelöschte Elemente“ verschieben</translation>
    </message>
    <message>
        <source>&amp;Ignore Conversation</source>
        <translation>Unterhaltung &amp;ignorieren</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <source>Move the conversation to Deleted Items, and every new message of it too</source>
        <translation>Die Unterhaltung nach „Gelöschte Elemente“ verschieben, und jede neue Nachricht darin ebenso</translation>
    </message>
    <message>
        <source>&amp;Stop Ignoring…</source>
        <translation>Ignorieren &amp;beenden…</translation>
    </message>
    <message>
        <source>Stop Ignoring</source>
        <translation>Ignorieren beenden</translation>
    </message>
    <message>
        <source>Forget the rule for this conversation and, if you like, bring its messages back</source>
        <translation>Die Regel für diese Unterhaltung vergessen und, wenn gewünscht, ihre Nachrichten zurückholen</translation>
    </message>
    <message>
        <source>&amp;Move to Folder…</source>
        <translation>In &amp;Ordner verschieben…</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Move the conversation&apos;s messages in this folder to another folder</source>
        <translation>Die Nachrichten der Unterhaltung in diesem Ordner in einen anderen Ordner verschieben</translation>
    </message>
    <message>
        <source>&amp;Always Move…</source>
        <translation>Immer &amp;verschieben…</translation>
    </message>
    <message>
        <source>Always Move</source>
        <translation>Immer verschieben</translation>
    </message>
    <message>
        <source>Move the conversation, and every new message of it, to a folder</source>
        <translation>Die Unterhaltung und jede neue Nachricht darin in einen Ordner verschieben</translation>
    </message>
    <message>
        <source>Find in All F&amp;olders</source>
        <translation>In allen Ordnern &amp;suchen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Show every message of the conversation and the folder it is in</source>
        <translation>Jede Nachricht der Unterhaltung mit ihrem Ordner anzeigen</translation>
    </message>
    <message>
        <source>Conversation R&amp;ules…</source>
        <translation>Unterhaltungs&amp;regeln…</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>The conversations you ignore or always move</source>
        <translation>Die Unterhaltungen, die Sie ignorieren oder immer verschieben</translation>
    </message>
    <message>
        <source>&amp;Empty Deleted Items…</source>
        <translation>„Gelöschte Elemente“ &amp;leeren…</translation>
    </message>
    <message>
        <source>Empty Deleted Items</source>
        <translation>„Gelöschte Elemente“ leeren</translation>
    </message>
    <message>
        <source>Delete every message in Deleted Items for good, on the server too</source>
        <translation>Alle Nachrichten in „Gelöschte Elemente“ endgültig löschen, auch auf dem Server</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Take back the last conversation action</source>
        <translation>Die letzte Aktion an einer Unterhaltung zurücknehmen</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>You are ignoring this conversation: new messages of it go to %1.</source>
        <translation>Sie ignorieren diese Unterhaltung: Neue Nachrichten darin kommen nach %1.</translation>
    </message>
    <message>
        <source>This conversation is always moved to %1, new messages too.</source>
        <translation>Diese Unterhaltung wird immer nach %1 verschoben, neue Nachrichten ebenso.</translation>
    </message>
    <message>
        <source>Delete the conversation&apos;s messages in Deleted Items for good; Skein asks first</source>
        <translation>Die Nachrichten der Unterhaltung in „Gelöschte Elemente“ endgültig löschen; Skein fragt vorher</translation>
    </message>
    <message>
        <source>&amp;Delete Permanently…</source>
        <translation>Endgültig lö&amp;schen…</translation>
    </message>
</context>
<context>
    <name>skein::ui::ConversationDelegate</name>
    <message>
        <source>%1 unread</source>
        <translation>%1 ungelesen</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>…earlier messages not shown</source>
        <translation>…frühere Nachrichten nicht angezeigt</translation>
    </message>
</context>
<context>
    <name>skein::ui::ConversationListPane</name>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Filter by subject or sender</source>
        <translation>Nach Betreff oder Absender filtern</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>Unterhaltungen filtern</translation>
    </message>
    <message>
        <source>By &amp;Date</source>
        <translation>Nach &amp;Datum</translation>
    </message>
    <message>
        <source>By &amp;Sender</source>
        <translation>Nach &amp;Absender</translation>
    </message>
    <message>
        <source>By S&amp;ubject</source>
        <translation>Nach &amp;Betreff</translation>
    </message>
</context>
<context>
    <name>skein::ui::ConversationNotice</name>
    <message>
        <source>Conversation rule</source>
        <translation>Unterhaltungsregel</translation>
    </message>
    <message>
        <source>Stop the rule</source>
        <translation>Regel beenden</translation>
    </message>
</context>
<context>
    <name>skein::ui::ConversationRulesDialog</name>
    <message>
        <source>Conversation Rules</source>
        <translation>Unterhaltungsregeln</translation>
    </message>
    <message>
        <source>Conversations you ignore or always move. New messages of these conversations go straight to the folder shown.</source>
        <translation>Unterhaltungen, die Sie ignorieren oder immer verschieben. Neue Nachrichten dieser Unterhaltungen kommen direkt in den angezeigten Ordner.</translation>
    </message>
    <message>
        <source>Conversation rules</source>
        <translation>Unterhaltungsregeln</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Moves To</source>
        <translation>Verschiebt nach</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kept On</source>
        <translation>Gespeichert auf</translation>
    </message>
    <message>
        <source>You are not ignoring or always moving any conversation.</source>
        <translation>Sie ignorieren keine Unterhaltung und verschieben auch keine immer.</translation>
    </message>
    <message>
        <source>Exchange ActiveSync cannot take a rule back from the server. Stopping a rule here forgets it on this computer and can bring the messages back, but the server may keep moving new messages of that conversation.</source>
        <translation>Exchange ActiveSync kann eine Regel auf dem Server nicht zurücknehmen. Wenn Sie eine Regel hier beenden, wird sie auf diesem Computer vergessen und die Nachrichten können zurückgeholt werden, aber der Server verschiebt neue Nachrichten dieser Unterhaltung womöglich weiter.</translation>
    </message>
    <message>
        <source>Stop Ignoring…</source>
        <translation>Ignorieren beenden…</translation>
    </message>
    <message>
        <source>Stop the rule</source>
        <translation>Regel beenden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>This computer: the server cannot keep conversation rules, so Skein moves new messages of that conversation when it syncs, only while Skein runs.</source>
        <translation>Dieser Computer: Der Server kann keine Unterhaltungsregeln speichern, daher verschiebt Skein neue Nachrichten dieser Unterhaltung beim Synchronisieren, nur solange Skein läuft.</translation>
    </message>
    <message>
        <source>Remove Rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <source>Stop Always Moving…</source>
        <translation>Immer verschieben beenden…</translation>
    </message>
    <message>
        <source>(no messages on this computer)</source>
        <translation>(keine Nachrichten auf diesem Computer)</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignoriert</translation>
    </message>
    <message>
        <source>Always moved</source>
        <translation>Immer verschoben</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>The server moves new messages, even while Skein is closed.</source>
        <translation>Der Server verschiebt neue Nachrichten, auch während Skein geschlossen ist.</translation>
    </message>
    <message>
        <source>The server refused this rule: %1 Its messages stayed where they were.</source>
        <translation>Der Server hat diese Regel abgelehnt: %1 Ihre Nachrichten sind geblieben, wo sie waren.</translation>
    </message>
    <message>
        <source>no reason given.</source>
        <translation>ohne Angabe von Gründen.</translation>
    </message>
    <message>
        <source>Stop Ignoring</source>
        <translation>Ignorieren beenden</translation>
    </message>
    <message>
        <source>Stop Always Moving</source>
        <translation>Immer verschieben beenden</translation>
    </message>
    <message>
        <source>Stop ignoring “%1”?</source>
        <translation>„%1“ nicht mehr ignorieren?</translation>
    </message>
    <message>
        <source>Stop always moving “%1” to %2?</source>
        <translation>„%1“ nicht mehr immer nach %2 verschieben?</translation>
    </message>
    <message>
        <source>Skein can also move its messages from %1 back to the folders they came from.

The server may keep moving new messages of this conversation: Exchange ActiveSync has no way to take the rule back.</source>
        <translation>Skein kann ihre Nachrichten auch aus %1 in die Ordner zurückverschieben, aus denen sie kamen.

Der Server verschiebt neue Nachrichten dieser Unterhaltung womöglich weiter: Exchange ActiveSync kann die Regel nicht zurücknehmen.</translation>
    </message>
    <message>
        <source>Bring Messages Back</source>
        <translation>Nachrichten zurückholen</translation>
    </message>
    <message>
        <source>Leave Them in %1</source>
        <translation>In %1 lassen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>skein::ui::ConversationUndo</name>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Skein could not undo “%1”.</source>
        <translation>Skein konnte „%1“ nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Rückgängig gemacht: %1.</translation>
    </message>
</context>
<context>
    <name>skein::ui::ConversationView</name>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
</context>
<context>
    <name>skein::ui::DraftListView</name>
    <message>
        <source>Where drafts are kept</source>
        <translation>Wo Entwürfe gespeichert werden</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Drafts are kept on this computer only: this server&apos;s protocol (%1) cannot store them.</source>
        <translation>Entwürfe werden nur auf diesem Computer gespeichert: Das Protokoll dieses Servers (%1) kann sie nicht speichern.</translation>
    </message>
    <message>
        <source>not saved on the server: %1</source>
        <translation>nicht auf dem Server gespeichert: %1</translation>
    </message>
    <message>
        <source>saved on the server, without its attachments</source>
        <translation>auf dem Server gespeichert, ohne Anhänge</translation>
    </message>
    <message>
        <source>saved on the server</source>
        <translation>auf dem Server gespeichert</translation>
    </message>
    <message>
        <source>saving to the server…</source>
        <translation>wird auf dem Server gespeichert…</translation>
    </message>
    <message>
        <source>on this computer only</source>
        <translation>nur auf diesem Computer</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>on the server, from another device</source>
        <translation>auf dem Server, von einem anderen Gerät</translation>
    </message>
    <message>
        <source>This draft could not be opened: %1</source>
        <translation>Dieser Entwurf konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Delete Draft</source>
        <translation>Entwurf löschen</translation>
    </message>
    <message>
        <source>Delete the draft “%1”? This cannot be undone.</source>
        <translation>Den Entwurf „%1“ löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Entwurf löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the draft</source>
        <translation>Den Entwurf löschen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation>Entwurf behalten</translation>
    </message>
    <message>
        <source>The draft could not be deleted: %1</source>
        <translation>Der Entwurf konnte nicht gelöscht werden: %1</translation>
    </message>
</context>
<context>
    <name>skein::ui::FindResultsDialog</name>
    <message>
        <source>Conversation in All Folders</source>
        <translation>Unterhaltung in allen Ordnern</translation>
    </message>
    <message>
        <source>Messages of the conversation</source>
        <translation>Nachrichten der Unterhaltung</translation>
    </message>
    <message>
        <source>Double-click a message or press Enter to open it</source>
        <translation>Doppelklicken Sie auf eine Nachricht oder drücken Sie die Eingabetaste, um sie zu öffnen</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>“%1” in All Folders</source>
        <translation>„%1“ in allen Ordnern</translation>
    </message>
    <message>
        <source>Searching every folder on the server…</source>
        <translation>Alle Ordner auf dem Server werden durchsucht…</translation>
    </message>
    <message>
        <source>(unknown folder %1)</source>
        <translation>(unbekannter Ordner %1)</translation>
    </message>
    <message>
        <source>found on the server</source>
        <translation>auf dem Server gefunden</translation>
    </message>
    <message>
        <source>on this computer</source>
        <translation>auf diesem Computer</translation>
    </message>
    <message>
        <source>No message of this conversation was found.</source>
        <translation>Keine Nachricht dieser Unterhaltung wurde gefunden.</translation>
    </message>
    <message>
        <source>1 message, %1.</source>
        <translation>1 Nachricht, %1.</translation>
    </message>
    <message>
        <source>%1 messages in %2 folders, %3.</source>
        <translation>%1 Nachrichten in %2 Ordnern, %3.</translation>
    </message>
</context>
<context>
    <name>skein::ui::FolderChooserDialog</name>
    <message>
        <source>Move Conversation</source>
        <translation>Unterhaltung verschieben</translation>
    </message>
    <message>
        <source>Always Move Conversation</source>
        <translation>Unterhaltung immer verschieben</translation>
    </message>
    <message>
        <source>this folder</source>
        <translation>diesem Ordner</translation>
    </message>
    <message>
        <source>Move the messages of “%1” in %2 to:</source>
        <translation>Die Nachrichten von „%1“ in %2 verschieben nach:</translation>
    </message>
    <message>
        <source>Always move “%1”: its messages in every folder now, and every new message of it from now on, go to:</source>
        <translation>„%1“ immer verschieben: Ihre Nachrichten in allen Ordnern jetzt und jede neue Nachricht von nun an kommen nach:</translation>
    </message>
    <message>
        <source>Messages of this conversation in other folders stay where they are.</source>
        <translation>Nachrichten dieser Unterhaltung in anderen Ordnern bleiben, wo sie sind.</translation>
    </message>
    <message>
        <source>Your own messages stay in Sent Items. The rule is kept by the server; Conversation Rules lists it.</source>
        <translation>Ihre eigenen Nachrichten bleiben in „Gesendete Elemente“. Der Server speichert die Regel; „Unterhaltungsregeln“ führt sie auf.</translation>
    </message>
    <message>
        <source>Type to find a folder</source>
        <translation>Tippen, um einen Ordner zu finden</translation>
    </message>
    <message>
        <source>Find folder</source>
        <translation>Ordner finden</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>&amp;Always Move</source>
        <translation>&amp;Immer verschieben</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Always Move</source>
        <translation>Immer verschieben</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>skein::ui::FolderPane</name>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>&amp;All Inboxes</source>
        <translation>&amp;Alle Posteingänge</translation>
    </message>
    <message>
        <source>With several accounts, show every account&apos;s Inbox in one list</source>
        <translation>Bei mehreren Konten den Posteingang jedes Kontos in einer Liste zeigen</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
</context>
<context>
    <name>skein::ui::InlineReplyBox</name>
    <message>
        <source>Quick reply</source>
        <translation>Schnellantwort</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Antworten…</translation>
    </message>
    <message>
        <source>Write a reply</source>
        <translation>Antwort schreiben</translation>
    </message>
    <message>
        <source>The message answered</source>
        <translation>Die beantwortete Nachricht</translation>
    </message>
    <message>
        <source>Why the reply was not sent</source>
        <translation>Warum die Antwort nicht gesendet wurde</translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation>Antworttext</translation>
    </message>
    <message>
        <source>Reply all</source>
        <translation>Allen antworten</translation>
    </message>
    <message>
        <source>Answer everyone the message went to, not only its sender</source>
        <translation>Allen antworten, an die die Nachricht ging, nicht nur dem Absender</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <source>Send the reply (Ctrl+Enter)</source>
        <translation>Antwort senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Pop out</source>
        <translation>Eigenes Fenster</translation>
    </message>
    <message>
        <source>Open the reply in its own window</source>
        <translation>Die Antwort in einem eigenen Fenster öffnen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Throw the reply away</source>
        <translation>Die Antwort verwerfen</translation>
    </message>
    <message>
        <source>Write something first, or use Pop out for the full window.</source>
        <translation>Schreiben Sie zuerst etwas, oder öffnen Sie mit „Eigenes Fenster“ das volle Fenster.</translation>
    </message>
</context>
<context>
    <name>skein::ui::MainWindow</name>
    <message>
        <source>Skein</source>
        <translation>Skein</translation>
    </message>
    <message>
        <source>Skein mail</source>
        <translation>Skein-E-Mail</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>That folder is not on this computer.</source>
        <translation>Dieser Ordner ist nicht auf diesem Computer.</translation>
    </message>
    <message>
        <source>That message is not on this computer yet (it may be older than the date filter); its folder is shown.</source>
        <translation>Diese Nachricht ist noch nicht auf diesem Computer (vielleicht ist sie älter als der Datumsfilter); ihr Ordner wird angezeigt.</translation>
    </message>
    <message>
        <source>The folder you were looking at no longer exists on the server.</source>
        <translation>Der Ordner, den Sie angesehen haben, existiert auf dem Server nicht mehr.</translation>
    </message>
    <message>
        <source>Choose another folder on the left.</source>
        <translation>Wählen Sie links einen anderen Ordner.</translation>
    </message>
</context>
<context>
    <name>skein::ui::MessageCard</name>
    <message>
        <source>Only the beginning of this message was downloaded.</source>
        <translation>Nur der Anfang dieser Nachricht wurde heruntergeladen.</translation>
    </message>
    <message>
        <source>Show quoted text</source>
        <translation>Zitierten Text anzeigen</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Reply all</source>
        <translation>Allen antworten</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Weiterleiten</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Loading the full message…</source>
        <translation>Die vollständige Nachricht wird geladen…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Retry loading the message</source>
        <translation>Laden der Nachricht erneut versuchen</translation>
    </message>
    <message>
        <source>Hide quoted text</source>
        <translation>Zitierten Text ausblenden</translation>
    </message>
    <message>
        <source>The full message could not be loaded: %1</source>
        <translation>Die vollständige Nachricht konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>skein::ui::MessageHeader</name>
    <message>
        <source>in reply to %1 — %2</source>
        <translation>als Antwort auf %1 — %2</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>An: %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>Cc: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Datum: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>In reply to: %1</source>
        <translation>Als Antwort auf: %1</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <source>Message from %1, %2</source>
        <translation>Nachricht von %1, %2</translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation>eingeklappt</translation>
    </message>
    <message>
        <source>expanded</source>
        <translation>ausgeklappt</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Gekennzeichnet</translation>
    </message>
    <message>
        <source>Has attachments</source>
        <translation>Mit Anhängen</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>In reply to</source>
        <translation>Als Antwort auf</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
</context>
<context>
    <name>skein::ui::OutboxView</name>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Delete Message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the message to edit it (Enter)</source>
        <translation>Die Nachricht zum Bearbeiten öffnen (Eingabetaste)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the message without sending it</source>
        <translation>Die Nachricht löschen, ohne sie zu senden</translation>
    </message>
    <message>
        <source>&amp;Send Now</source>
        <translation>Jetzt &amp;senden</translation>
    </message>
    <message>
        <source>Try to send the waiting messages now</source>
        <translation>Die wartenden Nachrichten jetzt zu senden versuchen</translation>
    </message>
    <message>
        <source>Outbox actions</source>
        <translation>Aktionen im Postausgang</translation>
    </message>
    <message>
        <source>Open message</source>
        <translation>Nachricht öffnen</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>Send waiting messages now</source>
        <translation>Wartende Nachrichten jetzt senden</translation>
    </message>
    <message>
        <source>Messages waiting to be sent</source>
        <translation>Nachrichten, die auf das Senden warten</translation>
    </message>
    <message>
        <source>Nothing waiting to be sent.</source>
        <translation>Nichts wartet auf das Senden.</translation>
    </message>
    <message>
        <source>Outbox is empty</source>
        <translation>Der Postausgang ist leer</translation>
    </message>
    <message>
        <source>Outbox notice</source>
        <translation>Hinweis zum Postausgang</translation>
    </message>
    <message>
        <source>Selected message</source>
        <translation>Ausgewählte Nachricht</translation>
    </message>
    <message>
        <source>&lt;b&gt;Outbox&lt;/b&gt;: messages the server has not taken yet</source>
        <translation>&lt;b&gt;Postausgang&lt;/b&gt;: Nachrichten, die der Server noch nicht angenommen hat</translation>
    </message>
    <message>
        <source>Outbox title</source>
        <translation>Titel des Postausgangs</translation>
    </message>
    <message>
        <source>“%1” is being sent right now; it cannot be edited. If sending fails it waits here again and can be opened then.</source>
        <translation>„%1“ wird gerade gesendet und kann nicht bearbeitet werden. Schlägt das Senden fehl, wartet die Nachricht wieder hier und kann dann geöffnet werden.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>“%1” is being sent right now; it cannot be deleted.</source>
        <translation>„%1“ wird gerade gesendet und kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Delete “%1” without sending it? This cannot be undone.</source>
        <translation>„%1“ löschen, ohne die Nachricht zu senden? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>“%1” was not deleted: %2</source>
        <translation>„%1“ wurde nicht gelöscht: %2</translation>
    </message>
</context>
<context>
    <name>skein::ui::PendingChanges</name>
    <message>
        <source>1 change waiting to be sent</source>
        <translation>1 Änderung wartet auf das Senden</translation>
    </message>
    <message>
        <source>%1 changes waiting to be sent</source>
        <translation>%1 Änderungen warten auf das Senden</translation>
    </message>
    <message>
        <source>Your changes are saved on this computer and sent to the server as soon as it can be reached.</source>
        <translation>Ihre Änderungen sind auf diesem Computer gespeichert und werden an den Server gesendet, sobald er erreichbar ist.</translation>
    </message>
</context>
<context>
    <name>skein::ui::ReadingPane</name>
    <message>
        <source>Reading pane</source>
        <translation>Lesebereich</translation>
    </message>
    <message>
        <source>Select a conversation to read it.</source>
        <translation>Wählen Sie eine Unterhaltung aus, um sie zu lesen.</translation>
    </message>
    <message>
        <source>Conversation subject</source>
        <translation>Betreff der Unterhaltung</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
</context>
<context>
    <name>skein::ui::RecipientCompleter</name>
    <message>
        <source>From the directory</source>
        <translation>Aus dem Adressbuch</translation>
    </message>
    <message>
        <source>Address suggestions</source>
        <translation>Adressvorschläge</translation>
    </message>
</context>
<context>
    <name>skein::ui::RemoteContentBar</name>
    <message>
        <source>Remote content blocked</source>
        <translation>Externe Inhalte blockiert</translation>
    </message>
    <message>
        <source>Remote content was blocked to protect your privacy.</source>
        <translation>Externe Inhalte wurden zum Schutz Ihrer Privatsphäre blockiert.</translation>
    </message>
    <message>
        <source>Show for this message</source>
        <translation>Für diese Nachricht anzeigen</translation>
    </message>
    <message>
        <source>Show remote content for this message</source>
        <translation>Externe Inhalte für diese Nachricht anzeigen</translation>
    </message>
    <message>
        <source>Always for %1</source>
        <translation>Immer für %1</translation>
    </message>
    <message>
        <source>Always show remote content from %1</source>
        <translation>Externe Inhalte von %1 immer anzeigen</translation>
    </message>
</context>
<context>
    <name>skein::ui::RemoteImageLoader</name>
    <message>
        <source>Only http and https images are loaded</source>
        <translation>Nur http- und https-Bilder werden geladen</translation>
    </message>
    <message>
        <source>The host name is reserved as invalid</source>
        <translation>Der Hostname ist als ungültig reserviert</translation>
    </message>
    <message>
        <source>Not an image</source>
        <translation>Kein Bild</translation>
    </message>
</context>
<context>
    <name>skein::ui::SearchPane</name>
    <message>
        <source>Search all mail (Ctrl+E)</source>
        <translation>Alle E-Mails durchsuchen (Strg+E)</translation>
    </message>
    <message>
        <source>Search mail</source>
        <translation>E-Mails durchsuchen</translation>
    </message>
    <message>
        <source>Finds conversations by words in their subject, people or text, in every folder</source>
        <translation>Findet Unterhaltungen nach Wörtern in Betreff, Personen oder Text, in allen Ordnern</translation>
    </message>
    <message>
        <source>Search the server too</source>
        <translation>Auch auf dem Server suchen</translation>
    </message>
    <message>
        <source>Also ask the server, for mail older than what this computer keeps</source>
        <translation>Auch den Server fragen, nach E-Mails, die älter sind als die auf diesem Computer</translation>
    </message>
    <message>
        <source>Searching the server…</source>
        <translation>Der Server wird durchsucht…</translation>
    </message>
    <message>
        <source>No conversation has these words.</source>
        <translation>Keine Unterhaltung enthält diese Wörter.</translation>
    </message>
    <message>
        <source>1 conversation found.</source>
        <translation>1 Unterhaltung gefunden.</translation>
    </message>
    <message>
        <source>%1 conversations found.</source>
        <translation>%1 Unterhaltungen gefunden.</translation>
    </message>
    <message>
        <source>Skein could not search the server.</source>
        <translation>Skein konnte den Server nicht durchsuchen.</translation>
    </message>
    <message>
        <source>The server found nothing more.</source>
        <translation>Der Server hat nichts weiter gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>The server found %n more.</source>
        <translation>
            <numerusform>Der Server hat %n weitere gefunden.</numerusform>
            <numerusform>Der Server hat %n weitere gefunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skein::ui::SearchResultsView</name>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Double-click a conversation or press Enter to open it</source>
        <translation>Doppelklicken Sie auf eine Unterhaltung oder drücken Sie die Eingabetaste, um sie zu öffnen</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>on the server</source>
        <translation>auf dem Server</translation>
    </message>
</context>
<context>
    <name>skein::ui::SettingsDialog</name>
    <message>
        <source>Skein Settings</source>
        <translation>Skein-Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Checking mail</source>
        <translation>E-Mail-Abruf</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Remote content</source>
        <translation>Externe Inhalte</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signaturen</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Ein Konto hinzufügen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected account</source>
        <translation>Das ausgewählte Konto bearbeiten</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Remove the selected account</source>
        <translation>Das ausgewählte Konto entfernen</translation>
    </message>
    <message>
        <source>Push: show new mail as soon as the server has it</source>
        <translation>Push: Neue E-Mails anzeigen, sobald der Server sie hat</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>Check for new mail every</source>
        <translation>Auf neue E-Mails prüfen alle</translation>
    </message>
    <message>
        <source>Check at an interval</source>
        <translation>In einem Intervall prüfen</translation>
    </message>
    <message>
        <source>Minutes between checks</source>
        <translation>Minuten zwischen den Abrufen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>A server without push is checked at the interval, whichever you choose.</source>
        <translation>Ein Server ohne Push wird in jedem Fall im Intervall abgerufen.</translation>
    </message>
    <message>
        <source>Mark a message as read after showing it for</source>
        <translation>Eine Nachricht als gelesen markieren nach einer Anzeige von</translation>
    </message>
    <message>
        <source>Mark messages as read when shown</source>
        <translation>Nachrichten beim Anzeigen als gelesen markieren</translation>
    </message>
    <message>
        <source>Seconds before a shown message counts as read</source>
        <translation>Sekunden, bis eine angezeigte Nachricht als gelesen gilt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Unchecked, messages stay unread until you mark them.</source>
        <translation>Ohne Häkchen bleiben Nachrichten ungelesen, bis Sie sie markieren.</translation>
    </message>
    <message>
        <source>Senders whose remote content loads</source>
        <translation>Absender, deren externe Inhalte geladen werden</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Stop loading remote content from the selected senders</source>
        <translation>Externe Inhalte der ausgewählten Absender nicht mehr laden</translation>
    </message>
    <message>
        <source>Remote images and other content load for mail from these senders:</source>
        <translation>Externe Bilder und andere Inhalte werden bei E-Mails dieser Absender geladen:</translation>
    </message>
    <message>
        <source>Add a sender from a message&apos;s &quot;Load remote content&quot; bar.</source>
        <translation>Fügen Sie einen Absender über die Leiste „Externe Inhalte laden“ einer Nachricht hinzu.</translation>
    </message>
    <message>
        <source>Show a desktop notification for new mail in the Inbox</source>
        <translation>Bei neuen E-Mails im Posteingang eine Desktop-Benachrichtigung zeigen</translation>
    </message>
    <message>
        <source>Desktop notifications for new mail</source>
        <translation>Desktop-Benachrichtigungen für neue E-Mails</translation>
    </message>
    <message>
        <source>One notification per conversation; never for ignored conversations, conversations you always move, Junk, or your own replies.</source>
        <translation>Eine Benachrichtigung pro Unterhaltung; nie für ignorierte Unterhaltungen, immer verschobene Unterhaltungen, Junk-E-Mail oder Ihre eigenen Antworten.</translation>
    </message>
    <message>
        <source>Account whose signature is edited</source>
        <translation>Konto, dessen Signatur bearbeitet wird</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Signatur:</translation>
    </message>
    <message>
        <source>Added below new mail and above the quoted text of a reply.</source>
        <translation>Wird unter neuen E-Mails und über dem zitierten Text einer Antwort eingefügt.</translation>
    </message>
</context>
<context>
    <name>skein::ui::SortHeader</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Sort conversations</source>
        <translation>Unterhaltungen sortieren</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Sortierung:</translation>
    </message>
    <message>
        <source>Sort by %1</source>
        <translation>Nach %1 sortieren</translation>
    </message>
    <message>
        <source>Sorted by date, newest first</source>
        <translation>Nach Datum sortiert, neueste zuerst</translation>
    </message>
    <message>
        <source>Sorted by date, oldest first</source>
        <translation>Nach Datum sortiert, älteste zuerst</translation>
    </message>
    <message>
        <source>Sorted by %1, %2</source>
        <translation>Nach %1 sortiert, %2</translation>
    </message>
    <message>
        <source>A to Z</source>
        <translation>A bis Z</translation>
    </message>
    <message>
        <source>Z to A</source>
        <translation>Z bis A</translation>
    </message>
</context>
<context>
    <name>skein::ui::StatusArea</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>Änderungen, die auf das Senden warten</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message numerus="yes">
        <source>Skein — %n unread</source>
        <translation>
            <numerusform>Skein — %n ungelesen</numerusform>
            <numerusform>Skein — %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Skein</source>
        <translation>Skein</translation>
    </message>
    <message>
        <source>Sync failed.</source>
        <translation>Synchronisierung fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Your mail on this computer is unchanged. Check the network and the account settings (Account…), then choose Sync Now (F5).</source>
        <translation>Ihre E-Mails auf diesem Computer sind unverändert. Prüfen Sie das Netzwerk und die Kontoeinstellungen (Konto…) und wählen Sie dann „Jetzt synchronisieren“ (F5).</translation>
    </message>
    <message>
        <source>Some folders could not be synced: %1</source>
        <translation>Einige Ordner konnten nicht synchronisiert werden: %1</translation>
    </message>
    <message>
        <source>The other folders are up to date. Skein tries these again on the next sync (F5).</source>
        <translation>Die anderen Ordner sind aktuell. Skein versucht es bei der nächsten Synchronisierung (F5) erneut.</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Undo %1 (%2)</source>
        <translation>Rückgängig: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>skein::ui::SyncFilterControl</name>
    <message>
        <source>Show mail from</source>
        <translation>Zeitraum der E-Mails</translation>
    </message>
    <message>
        <source>How far back to keep mail on this computer; Skein syncs again when you change it</source>
        <translation>Wie weit zurück E-Mails auf diesem Computer gehalten werden; Skein synchronisiert neu, wenn Sie das ändern</translation>
    </message>
    <message>
        <source>Date filter</source>
        <translation>Datumsfilter</translation>
    </message>
    <message>
        <source>Checking how much mail there is…</source>
        <translation>Es wird geprüft, wie viele E-Mails es gibt…</translation>
    </message>
    <message>
        <source>Could not tell how much mail there is</source>
        <translation>Die Menge der E-Mails konnte nicht ermittelt werden</translation>
    </message>
    <message>
        <source>Could not tell how much mail there is: %1</source>
        <translation>Die Menge der E-Mails konnte nicht ermittelt werden: %1</translation>
    </message>
    <message>
        <source>~1 message to download</source>
        <translation>~1 Nachricht herunterzuladen</translation>
    </message>
    <message>
        <source>~%1 messages to download</source>
        <translation>~%1 Nachrichten herunterzuladen</translation>
    </message>
    <message>
        <source>Mail from %1</source>
        <translation>E-Mails aus %1</translation>
    </message>
    <message>
        <source>Older mail stays on the server (View › Show Mail From)</source>
        <translation>Ältere E-Mails bleiben auf dem Server (Ansicht › E-Mail-Zeitraum)</translation>
    </message>
</context>
<context>
    <name>skein::ui::SyncStatus</name>
    <message>
        <source>Sync in progress</source>
        <translation>Synchronisierung läuft</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Syncing %1… 1 message</source>
        <translation>%1 wird synchronisiert… 1 Nachricht</translation>
    </message>
    <message>
        <source>Syncing %1… %2 messages</source>
        <translation>%1 wird synchronisiert… %2 Nachrichten</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>Synced, with a problem in 1 folder</source>
        <translation>Synchronisiert, mit einem Problem in 1 Ordner</translation>
    </message>
    <message>
        <source>Synced, with problems in %1 folders</source>
        <translation>Synchronisiert, mit Problemen in %1 Ordnern</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Synchronisierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Letzte Synchronisierung: %1</translation>
    </message>
</context>
<context>
    <name>skein::ui::UnifiedInboxPage</name>
    <message>
        <source>All Inboxes</source>
        <translation>Alle Posteingänge</translation>
    </message>
</context>
<context>
    <name>skein::ui::WindowActions</name>
    <message>
        <source>&amp;Sync Now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Fetch new mail and send your changes (F5)</source>
        <translation>Neue E-Mails abrufen und Ihre Änderungen senden (F5)</translation>
    </message>
    <message>
        <source>&amp;Account…</source>
        <translation>&amp;Konto…</translation>
    </message>
    <message>
        <source>Set up or change the mail account</source>
        <translation>E-Mail-Konto einrichten oder ändern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Search Mail</source>
        <translation>E-Mails &amp;durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Filter Conversations</source>
        <translation>Unterhaltungen &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Accounts, checking mail, reading, notifications and signatures</source>
        <translation>Konten, E-Mail-Abruf, Lesen, Benachrichtigungen und Signaturen</translation>
    </message>
    <message>
        <source>&amp;New Message</source>
        <translation>&amp;Neue Nachricht</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Write a new message</source>
        <translation>Eine neue Nachricht schreiben</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Antworten</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Answer the sender of the selected message</source>
        <translation>Dem Absender der ausgewählten Nachricht antworten</translation>
    </message>
    <message>
        <source>Reply &amp;All</source>
        <translation>Allen ant&amp;worten</translation>
    </message>
    <message>
        <source>Reply All</source>
        <translation>Allen antworten</translation>
    </message>
    <message>
        <source>Answer the sender and everyone the selected message went to</source>
        <translation>Dem Absender und allen Empfängern der ausgewählten Nachricht antworten</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>W&amp;eiterleiten</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Weiterleiten</translation>
    </message>
    <message>
        <source>Send the selected message on to someone</source>
        <translation>Die ausgewählte Nachricht an jemanden weiterleiten</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Menüleiste</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Sort Conversations</source>
        <translation>Unterhaltungen &amp;sortieren</translation>
    </message>
    <message>
        <source>Show &amp;Mail From</source>
        <translation>E-Mail-&amp;Zeitraum</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Show mail from:</source>
        <translation>Zeitraum:</translation>
    </message>
</context>
<context>
    <name>skein::ui::compose</name>
    <message>
        <source>an unknown date</source>
        <translation>einem unbekannten Datum</translation>
    </message>
    <message>
        <source>an unknown sender</source>
        <translation>einem unbekannten Absender</translation>
    </message>
    <message>
        <source>Forwarding %1&apos;s message of %2</source>
        <translation>Weiterleitung der Nachricht von %1 vom %2</translation>
    </message>
    <message>
        <source>Replying to %1, %2</source>
        <translation>Antwort an %1, %2</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
</TS>
