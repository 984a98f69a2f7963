#!/usr/bin/env python3
"""Delivers generated e-mails of mixed encodings into a Maildir with Python's `mailbox`, as a
mail server would. Usage: maildir_deliver.py MAILDIR COUNT — prints one line per message:
`TEAM<TAB>MARKER`, the team the message should reach and a marker unique to its text."""
import mailbox
import sys
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.header import Header

TOPICS = [
    ("stadsbeheer", "De lantaarnpaal voor ons huis is kapot en het is 's avonds erg donker op straat."),
    ("milieu", "Al weken stankoverlast van de fabriek, een chemische lucht die in je keel prikt."),
    ("wmo", "Mijn moeder heeft een scootmobiel nodig, ze kan niet meer zelf naar de winkel lopen."),
    ("burgerzaken", "Mijn paspoort is verlopen en ik ga over drie weken op reis. Kan ik een afspraak maken?"),
]


def build(index):
    team, text = TOPICS[index % len(TOPICS)]
    marker = f"bericht-{index:04d}"
    body = f"Beste gemeente,\n\n{text} Kenmerk {marker}.\n\nMet vriendelijke groet,\nJosé Müller"
    style = index % 6
    if style == 0:
        message = EmailMessage()
        message.set_content(body)
    elif style == 1:
        message = MIMEText(body, "plain", "iso-8859-1")
    elif style == 2:
        message = MIMEText(body, "plain", "utf-8")  # base64 by default for utf-8
    elif style == 3:
        message = MIMEMultipart("alternative")
        message.attach(MIMEText(body, "plain", "utf-8"))
        message.attach(MIMEText("<p>" + body.replace("\n", "<br>") + "</p>", "html", "utf-8"))
    elif style == 4:
        message = MIMEText("<html><body><p>" + body.replace("\n\n", "</p><p>") + "</p></body></html>", "html", "windows-1252")
    else:
        message = MIMEMultipart("mixed")
        message.attach(MIMEText(body, "plain", "utf-8"))
        attachment = MIMEApplication(b"%PDF-1.4 fake", Name="foto straat.pdf")
        attachment["Content-Disposition"] = 'attachment; filename="foto straat.pdf"'
        message.attach(attachment)
    message["Subject"] = Header(f"Melding {marker} – graag actie", "utf-8").encode() if index % 2 else f"Melding {marker}"
    message["From"] = Header("José Müller", "utf-8").encode() + " <jose@example.nl>"
    message["To"] = "kcc@gemeente.example"
    message["Message-ID"] = f"<{marker}@example.nl>"
    return team, marker, message


def main():
    box = mailbox.Maildir(sys.argv[1], create=True)
    for index in range(int(sys.argv[2])):
        team, marker, message = build(index)
        box.add(message)
        print(f"{team}\t{marker}")


if __name__ == "__main__":
    main()
