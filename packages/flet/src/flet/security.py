"""Encrypting small secrets (such as a saved OAuth token) with a passphrase.

Byte-compatible with Flet 0.21, so values stored by either implementation decrypt in the other.
Needs the ``cryptography`` package (``pip install 'flet[security]'``); without it, importing
this module raises :class:`ImportError` saying so (0.21 raised a bare ``Exception``, #37).
"""

from __future__ import annotations

import base64
import hashlib
import os

try:
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "flet.security needs the cryptography package: pip install 'flet[security]' (or cryptography)"
    ) from error

__all__ = ["decrypt", "decrypt_aes_gcm_256", "encrypt", "encrypt_aes_gcm_256"]

_SALT_SIZE = 16
_NONCE_SIZE = 32
_ITERATIONS = 100_000


def _fernet_key(secret_key: str, salt: bytes) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=_ITERATIONS)
    return base64.urlsafe_b64encode(kdf.derive(secret_key.encode()))


def _aes_key(secret_key: str, salt: bytes) -> bytes:
    return hashlib.sha256(_fernet_key(secret_key, salt)).hexdigest()[:32].encode()


def encrypt(plain_text: str, secret_key: str) -> str:
    """Encrypt with a key derived from ``secret_key`` (PBKDF2 + Fernet); returns URL-safe text."""
    salt = os.urandom(_SALT_SIZE)
    token = Fernet(_fernet_key(secret_key, salt)).encrypt(plain_text.encode())
    return base64.urlsafe_b64encode(salt + token).decode()


def decrypt(encrypted_data: str, secret_key: str) -> str:
    """The inverse of :func:`encrypt`; a wrong key raises ``cryptography.fernet.InvalidToken``."""
    data = base64.urlsafe_b64decode(encrypted_data)
    salt, token = data[:_SALT_SIZE], data[_SALT_SIZE:]
    return Fernet(_fernet_key(secret_key, salt)).decrypt(token).decode()


def encrypt_aes_gcm_256(plain_text: str, secret_key: str) -> str:
    """Encrypt with AES-256-GCM under a key derived from ``secret_key``; returns URL-safe text."""
    salt = os.urandom(_SALT_SIZE)
    nonce = os.urandom(_NONCE_SIZE)
    sealed = AESGCM(_aes_key(secret_key, salt)).encrypt(nonce, plain_text.encode(), None)
    return base64.urlsafe_b64encode(salt + nonce + sealed).decode()


def decrypt_aes_gcm_256(encrypted_data: str, secret_key: str) -> str:
    """The inverse of :func:`encrypt_aes_gcm_256`."""
    data = base64.urlsafe_b64decode(encrypted_data)
    salt, nonce, sealed = (
        data[:_SALT_SIZE],
        data[_SALT_SIZE : _SALT_SIZE + _NONCE_SIZE],
        data[_SALT_SIZE + _NONCE_SIZE :],
    )
    return AESGCM(_aes_key(secret_key, salt)).decrypt(nonce, sealed, None).decode()
