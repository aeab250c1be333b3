"""A real SMTP server for the tests (aiosmtpd), in a thread of the test
process, on a free port: what it receives is parsed and kept in order."""

import email
import email.policy
import socket
import threading

import pytest
from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"


class SmtpServer:
    def __init__(self):
        self.recorder = Recorder()
        self.port = free_port()
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)

    def start(self):
        self.controller.start()

    def stop(self):
        self.controller.stop()

    @property
    def messages(self):
        with self.recorder.lock:
            return [message for _rcpt, message in self.recorder.messages]

    def to(self, address):
        return [message for message in self.messages if message["To"] == address]

    def environment(self):
        return {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(self.port)}


@pytest.fixture
def smtp_server(settings):
    """The server, and the site's settings pointed at it (SMTP backend)."""
    server = SmtpServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    yield server
    server.stop()


def text_of(message):
    """The plain-text part of a parsed message."""
    part = message.get_body(preferencelist=("plain",))
    return part.get_content()
