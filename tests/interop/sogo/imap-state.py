#!/usr/bin/python3
"""The interop mailbox as Dovecot holds it, for tests that check what SOGo did.

usage: imap-state.py state                  prints {"FOLDER": [{"messageId", "subject", "from", "seen", "flagged"}]}
       imap-state.py append FOLDER FILE     IMAP APPEND of one RFC 5322 file (mail "arriving")

FOLDER is the IMAP path (INBOX, Projects/Offsite). messageId is null for a
message without one (then subject identifies it). Reads SKEIN_INTEROP_IMAP_PORT,
SKEIN_SOGO_USER and SKEIN_SOGO_PASSWORD (run-interop.sh's env.sh exports them).
"""
import email, email.header, email.utils, imaplib, json, os, re, sys


def decoded(value):
    return str(email.header.make_header(email.header.decode_header(value))) if value else ''


def connect():
    imap = imaplib.IMAP4('127.0.0.1', int(os.environ.get('SKEIN_INTEROP_IMAP_PORT', '29143')))
    imap.login(os.environ.get('SKEIN_SOGO_USER', 'alice'), os.environ.get('SKEIN_SOGO_PASSWORD', 'alicepass'))
    return imap


def folders(imap):
    names = []
    for line in imap.list()[1] or []:
        m = re.match(r'\(([^)]*)\) (?:"[^"]*"|NIL) "?(.*?)"?$', line.decode())
        if m and '\\Noselect' not in m.group(1):
            names.append(m.group(2))
    return names


def state(imap):
    out = {}
    for name in folders(imap):
        typ, count = imap.select(f'"{name}"', readonly=True)
        if typ != 'OK':
            continue
        messages = []
        typ, data = (imap.fetch('1:*', '(FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID SUBJECT FROM)])')
                     if int(count[0]) else ('OK', []))
        for item in data if typ == 'OK' else []:
            if not isinstance(item, tuple):
                continue
            flags = imaplib.ParseFlags(item[0])
            headers = email.message_from_bytes(item[1])
            mid = headers.get('Message-ID')
            messages.append({'messageId': mid.strip() if mid else None, 'subject': decoded(headers.get('Subject')),
                             'from': email.utils.parseaddr(decoded(headers.get('From')))[1].lower(),
                             'seen': b'\\Seen' in flags, 'flagged': b'\\Flagged' in flags})
        imap.close()
        out[name] = messages
    return out


imap = connect()
if sys.argv[1:2] == ['state']:
    print(json.dumps(state(imap), ensure_ascii=False))
elif sys.argv[1:2] == ['append'] and len(sys.argv) == 4:
    typ, resp = imap.append(f'"{sys.argv[2]}"', None, None, open(sys.argv[3], 'rb').read())
    if typ != 'OK':
        sys.exit(f'APPEND to {sys.argv[2]} failed: {resp}')
else:
    sys.exit(__doc__)
imap.logout()
