#!/usr/bin/python3
"""Loopback SMTP sink for the SOGo interop server (started by setup.sh).

usage: smtp-sink.py PORT OUTBOX LOCAL_ADDRESS IMAP_USER IMAP_PASSWORD IMAP_PORT

SOGo needs an SMTP server for EAS SendMail/SmartReply/SmartForward. This one
listens on 127.0.0.1 only, writes every message to OUTBOX/<time>.eml, adds
Date/Message-ID when missing (as a real MTA would) and delivers a copy of mail
for LOCAL_ADDRESS into that user's INBOX over IMAP, so a test sees its own mail
arrive. Nothing is ever relayed. smtpd is deprecated but still in Python 3.11
(Debian 12) and needs no extra package.
"""
import warnings
warnings.filterwarnings('ignore', category=DeprecationWarning)
import asyncore, email.utils, imaplib, os, smtpd, sys, time

port, outbox, local = int(sys.argv[1]), sys.argv[2], sys.argv[3].lower()
imap_user, imap_password, imap_port = sys.argv[4], sys.argv[5], int(sys.argv[6])


class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        head = data.replace(b'\r\n', b'\n').split(b'\n\n', 1)[0].lower()
        extra = b''
        if not head.startswith(b'date:') and b'\ndate:' not in head:
            extra += b'Date: ' + email.utils.formatdate().encode() + b'\r\n'
        if not head.startswith(b'message-id:') and b'\nmessage-id:' not in head:
            extra += b'Message-ID: ' + email.utils.make_msgid(domain='sink.example.test').encode() + b'\r\n'
        data = extra + data
        name = os.path.join(outbox, '%.6f.eml' % time.time())
        with open(name, 'wb') as f:
            f.write(data)
        print('accepted from=%s to=%s -> %s' % (mailfrom, rcpttos, name), flush=True)
        if any(r.lower() == local for r in rcpttos):
            try:
                imap = imaplib.IMAP4('127.0.0.1', imap_port)
                imap.login(imap_user, imap_password)
                imap.append('INBOX', None, None, data.replace(b'\r\n', b'\n').replace(b'\n', b'\r\n'))
                imap.logout()
            except Exception as e:  # keep accepting mail while IMAP is down
                print('IMAP delivery failed: %r' % (e,), flush=True)


Sink(('127.0.0.1', port), None, decode_data=False)
print('listening on 127.0.0.1:%d' % port, flush=True)
asyncore.loop()
