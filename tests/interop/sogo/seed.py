#!/usr/bin/python3
"""Refills alice's mailbox over IMAP from expected-threads.json (run by seed.sh).

expected-threads.json says which message lives in which folder with which
subject, sender and flags, and which ConversationId SOGo must derive for it.
This file adds what a test does not check - recipients, threading headers,
dates, bodies, MIME structure - and verifies that the threading headers make
SOGo derive exactly the ConversationId the JSON promises, so the two files
cannot drift apart.

usage: seed.py EXPECTED_JSON IMAP_PORT USER PASSWORD
       seed.py --export DIR EXPECTED_JSON

--export writes the same messages as DIR/NN-name.eml plus DIR/manifest.json
({"messages": [{"file", "folder" (IMAP path), "read", "flagged"}]}), dated
relative to a fixed moment so the files never change: the shared seed of the
acceptance test (tests/data/sogo-seed), which skein-server --seed-mime imports.
"""
import base64, imaplib, json, os, re, sys
from datetime import datetime, timedelta, timezone
from email.header import Header
from email.utils import format_datetime

export_dir = None
if sys.argv[1] == '--export':
    export_dir, expected_path = sys.argv[2], sys.argv[3]
    NOW = datetime(2026, 11, 1, 12, 0, tzinfo=timezone.utc)
else:
    expected_path, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    NOW = datetime.now(timezone.utc).replace(microsecond=0)
expected = json.load(open(expected_path, encoding='utf-8'))

NAMES = {'alice@example.test': 'Alice Example', 'bob@example.test': 'Bob Builder',
         'carol@example.test': 'Carol Chen', 'dave@example.test': 'Dave Davis',
         'erin@example.test': 'Erin Ito', 'ci@ci.example.test': 'CI Bot',
         'it@example.test': 'IT Helpdesk', 'news@example.test': 'Example Corp News',
         'billing@acme.example': 'Acme Billing', 'juergen@example.de': 'Jürgen Müller',
         'legacy@example.test': 'Old Mailer', 'hr@example.test': 'Example Corp HR',
         'winner@spam.example': 'Prize Center', 'info@bella.example': 'Restaurant Bella'}


def addr(a):
    name = NAMES.get(a, a)
    enc = Header(name, 'utf-8').encode() if not name.isascii() else f'"{name}"'
    return f'{enc} <{a}>'


def ids(*names):
    return [f'<{n}>' for n in names]


T1 = ids('t1-1.q3report@example.test', 't1-2.q3report@example.test', 't1-3.q3report@example.test', 't1-4.q3report@example.test')
T2 = ids('t2-1.offsite@example.test', 't2-2.offsite@example.test', 't2-3.offsite@example.test')
T3 = ids('t3-1.build-4711@ci.example.test', 't3-2.build@example.test')
T4 = ids(*[f't4-{i}.lunch@example.test' for i in range(1, 7)])
T5 = ids('t5-1.migration@example.test', 't5-2.migration@example.test', 't5-3.migration@example.test')
LUNCH = ['Anyone up for lunch on Friday? Thai or pizza?', 'Thai!', 'Pizza, but fine with Thai.',
         'Thai wins. 12:30 at Baan Thai?', '12:30 works, I will book a table for four.', 'Booked, see you there.']



def lunch_body(i):
    """Each reply quotes the one before, as mail clients write it: the quoted
    history a conversation view cuts (Skein does it itself for SOGo)."""
    if i == 0:
        return LUNCH[0]
    lunch = next(t for t in expected['threads'] if t['topic'] == 'Lunch on Friday?')
    writer = NAMES.get(lunch['messages'][i - 1]['from'], lunch['messages'][i - 1]['from'])
    return f'{LUNCH[i]}\n\nOn Friday, {writer} wrote:\n> {LUNCH[i - 1]}'


PDF = (b'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n'
       b'3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
PNG = base64.b64decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')


def b64(data):
    return base64.encodebytes(data).decode().replace('\n', '\r\n')


def newsletter_body():
    html = ('<html><body><h1>Example Corp Weekly</h1><p>Hello <b>Alice</b>, this week:</p>'
            '<ul><li>New cafeteria menu</li><li>Office closed on Monday</li></ul>'
            '<img src="cid:logo@news.example.test" alt="logo"/></body></html>')
    return ('multipart/related; boundary="rel"; type="multipart/alternative"', None,
            '--rel\r\nContent-Type: multipart/alternative; boundary="alt"\r\n\r\n'
            '--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nExample Corp Weekly\r\n- New cafeteria menu\r\n- Office closed on Monday\r\n'
            '--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' + html + '\r\n--alt--\r\n'
            '--rel\r\nContent-Type: image/png; name="logo.png"\r\nContent-Transfer-Encoding: base64\r\n'
            'Content-ID: <logo@news.example.test>\r\nContent-Disposition: inline; filename="logo.png"\r\n\r\n'
            + b64(PNG) + '--rel--\r\n')


def invoice_body():
    return ('multipart/mixed; boundary="mix"', None,
            '--mix\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDear Alice,\r\n\r\ninvoice 2024-117 is attached (EUR 1,250.00).\r\n'
            '--mix\r\nContent-Type: application/pdf; name="invoice-2024-117.pdf"\r\nContent-Transfer-Encoding: base64\r\n'
            'Content-Disposition: attachment; filename="invoice-2024-117.pdf"\r\n\r\n' + b64(PDF) + '--mix--\r\n')


# messageId (or subject for the one without) -> days ago, To, Cc, In-Reply-To, References, body
# body is text, or (content type, transfer encoding, raw MIME body)
SPEC = {
    T1[0]: (12.0, 'alice@example.test', None, None, None, 'Outline: revenue, costs, outlook. Review by Thursday?'),
    T1[1]: (11.9, 'bob@example.test', None, T1[0], T1[:1], 'Looks good, please add hiring.'),
    T1[2]: (11.5, 'alice@example.test', 'carol@example.test', T1[1], T1[:2], 'Hiring is section 4 now. Carol, numbers?'),
    T1[3]: (10.8, 'alice@example.test, bob@example.test', None, T1[2], T1[:3], 'Numbers check out except July travel.'),
    T2[0]: (9.3, 'team@example.test', 'alice@example.test', None, None, 'Offsite on the 14th: lake house or city hotel?'),
    T2[1]: (9.2, 'dave@example.test', None, T2[0], T2[:1], 'Lake house.'),
    T2[2]: (8.1, 'alice@example.test', None, T2[1], T2[:2], 'Booked the lake house; bus at 8:00.'),
    T3[0]: (7.4, 'dev@example.test', None, None, None, 'Build #4711 on main FAILED: test_sync_window_size'),
    T3[1]: (7.3, 'dev@example.test', 'alice@example.test', T3[0], None, 'My bad, fix is pushed.'),
    **{T4[i]: (5.5 - i * 0.05, 'lunch@example.test', None, T4[i - 1] if i else None, T4[:i] or None, lunch_body(i))
       for i in range(6)},
    T5[0]: (4.3, 'alice@example.test', None, None, None, 'Freeze Monday, databases Tuesday, DNS Wednesday.'),
    T5[1]: (4.1, 'erin@example.test, alice@example.test', None, T5[0], T5[:1], 'Check the backup restore first.'),
    T5[2]: (3.2, 'alice@example.test', None, T5[1], T5[:2], 'FYI, the DNS switch affects your team.\n\n---------- Forwarded message ----------\nCheck the backup restore first.'),
    '<pw-expiry@it.example.test>': (1.8, 'alice@example.test', None, None, None,
        ('text/html; charset=utf-8', '8bit', '<html><body><p>Your <b>password expires</b> in 5 days.</p></body></html>\r\n')),
    '<weekly-42@news.example.test>': (2.2, 'alice@example.test', None, None, None, newsletter_body()),
    '<invoice-2024-117@acme.example>': (1.4, 'alice@example.test', None, None, None, invoice_body()),
    '<gruesse@example.de>': (0.3, 'alice@example.test', None, None, None,
        ('text/plain; charset=utf-8', 'quoted-printable', 'Viele Gr=C3=BC=C3=9Fe aus M=C3=BCnchen!\r\n')),
    'Message without Message-ID': (0.1, 'alice@example.test', None, None, None, 'No Message-ID, In-Reply-To or References.'),
    '<welcome@hr.example.test>': (20.0, 'alice@example.test', None, None, None, 'Welcome aboard, Alice!'),
    '<reservation@example.test>': (6.1, 'info@bella.example', None, None, None, 'A table for two on Saturday, 19:30, please.'),
    '<draft-q4@example.test>': (0.05, 'bob@example.test', None, None, None, 'Ideas for Q4:\n- '),
    '<won@spam.example>': (2.0, 'alice@example.test', None, None, None, 'Click here to claim your prize.'),
}


def sogo_conversation_id(mid, irt, refs):
    """SOGoMailObject+ActiveSync.m: first References token, else In-Reply-To, else Message-ID."""
    return refs[0] if refs else irt or mid


def build(m, conversation_id):
    key = m['messageId'] or m['subject']
    days, to, cc, irt, refs, body = SPEC.pop(key)
    got = sogo_conversation_id(m['messageId'], irt, refs)
    assert got == conversation_id, f'{key}: headers give ConversationId {got}, JSON says {conversation_id}'
    date = NOW - timedelta(days=days)
    subject = m['subject'] if m['subject'].isascii() else Header(m['subject'], 'utf-8').encode()
    h = [f'From: {addr(m["from"])}', 'To: ' + ', '.join(addr(a.strip()) for a in to.split(','))]
    if cc:
        h.append(f'Cc: {addr(cc)}')
    h += [f'Subject: {subject}', f'Date: {format_datetime(date)}']
    if m['messageId']:
        h.append(f'Message-ID: {m["messageId"]}')
    if irt:
        h.append(f'In-Reply-To: {irt}')
    if refs:
        h.append('References: ' + '\r\n '.join(refs))
    ctype, cte, raw = body if isinstance(body, tuple) else ('text/plain; charset=utf-8', '8bit', body.replace('\n', '\r\n') + '\r\n')
    h += ['MIME-Version: 1.0', f'Content-Type: {ctype}'] + ([f'Content-Transfer-Encoding: {cte}'] if cte else [])
    flags = ([r'\Seen'] if m['read'] else []) + ([r'\Flagged'] if m['flagged'] else []) + ([r'\Draft'] if m['folder'] == 'Drafts' else [])
    return m['folder'], '(' + ' '.join(flags) + ')' if flags else None, date, ('\r\n'.join(h) + '\r\n\r\n' + raw).encode()


listed = ([(m, t['conversationId']) for t in expected['threads'] for m in t['messages']]
          + [(m, m['conversationId']) for m in expected['standalone']])
messages = [build(m, conversation_id) for m, conversation_id in listed]
assert not SPEC, f'seed.py has messages expected-threads.json does not list: {sorted(SPEC)}'


def export(directory):
    """One .eml per message (named after its Message-ID) and manifest.json."""
    os.makedirs(directory, exist_ok=True)
    manifest = []
    for i, ((m, _), (folder, _, _, data)) in enumerate(zip(listed, messages), 1):
        stem = re.sub(r'[^A-Za-z0-9]+', '-', (m['messageId'] or m['subject']).strip('<>')).strip('-').lower()
        name = f'{i:02d}-{stem}.eml'
        with open(os.path.join(directory, name), 'wb') as f:
            f.write(data)
        manifest.append({'file': name, 'folder': folder, 'read': m['read'], 'flagged': m['flagged']})
    with open(os.path.join(directory, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump({'messages': manifest}, f, indent=1)
        f.write('\n')
    print('[seed] exported %d messages to %s' % (len(manifest), directory))


if export_dir:
    export(export_dir)
    sys.exit(0)

imap = imaplib.IMAP4('127.0.0.1', port)
imap.login(user, password)
folders = expected['folders']
special = ['INBOX', 'Sent', 'Drafts', 'Trash', 'Junk']
existing = []
for line in imap.list()[1] or []:
    m = re.match(r'\([^)]*\) (?:"[^"]*"|NIL) "?(.*?)"?$', line.decode())
    if m:
        existing.append(m.group(1))
# children first; special folders are emptied rather than deleted (Dovecot recreates them)
for name in sorted((n for n in existing if n not in special), key=lambda n: -n.count('/')):
    imap.delete(f'"{name}"')
for name in special:
    imap.select(f'"{name}"')
    if imap.search(None, 'ALL')[1][0]:
        imap.store('1:*', '+FLAGS.SILENT', r'(\Deleted)')
        imap.expunge()
    imap.close()
for name in folders:
    if name not in special:
        assert imap.create(f'"{name}"')[0] == 'OK', name
    imap.subscribe(f'"{name}"')
for folder, flags, date, data in sorted(messages, key=lambda x: x[2]):
    typ, resp = imap.append(f'"{folder}"', flags, imaplib.Time2Internaldate(date.timestamp()), data)
    assert typ == 'OK', (folder, resp)
# SOGo 5.8 compares a client's SyncKey with UIDNEXT-HIGHESTMODSEQ from a plain
# SELECT, and Dovecot reports HIGHESTMODSEQ only for mailboxes CONDSTORE has
# been used on; without this a folder's first real Sync stays empty for ever.
imap._simple_command('ENABLE', 'CONDSTORE')
for name in folders:
    typ, _ = imap.select(f'"{name}"')
    assert typ == 'OK' and imap.untagged_responses.get('HIGHESTMODSEQ'), name
    imap.close()
imap.logout()
counts = {}
for folder, *_ in messages:
    counts[folder] = counts.get(folder, 0) + 1
print('[seed] %d messages: %s' % (len(messages), ', '.join(f'{k} {v}' for k, v in sorted(counts.items()))))
