"""``FletUpload``: the PUT endpoint that receives files picked with ``FilePicker``.

Each rejection is an HTTP error with a reason the client shows in the upload event, not a 500
(UPSTREAM-BUG #16): 400 for a malformed URL or a name leaving the upload folder, 403 for a bad
signature or an expired URL, 413 for a file over the size limit. The body goes to a temporary
file next to the target, renamed over it only when complete (UPSTREAM-BUG #17): a rejected
upload never truncates a file uploaded before.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from flet.upload_signature import UploadSignatureError, verify_upload
from flet_runtime import config

__all__ = ["FletUpload"]

logger = logging.getLogger("flet.fastapi")


def _create_partial(target: Path) -> tuple[int, str]:
    """A new, empty ``.<name>.<random>.part`` next to ``target``, open for writing.

    Created with mode 0666 so the kernel applies the umask, as for any new file (0644 usually):
    a web server or another user serving the upload folder can read the upload, as in 0.21.
    """
    while True:
        path = str(target.with_name(f".{target.name}.{secrets.token_hex(6)}.part"))
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), path
        except FileExistsError:
            continue


class FletUpload:
    """Verifies a signed upload URL and stores the request body in ``upload_dir``.

    ``FLET_MAX_UPLOAD_SIZE`` and ``FLET_SECRET_KEY`` win over the arguments. A size of ``None``
    or 0 means unlimited.
    """

    def __init__(
        self, upload_dir: str | os.PathLike[str], max_upload_size: int | None = None, secret_key: str | None = None
    ) -> None:
        self.upload_dir = Path(upload_dir).resolve()
        self.max_upload_size = config.MAX_UPLOAD_SIZE.get_or(max_upload_size)
        self.secret_key = secret_key

    async def handle(self, request: Request) -> Response:
        """Store the upload; raises ``HTTPException`` (4xx with a reason) when it is refused.

        Returns an empty 200 response; a route that ignores it answers 200 as well.
        """
        try:
            target, size_limit = self._check(request)
        except UploadSignatureError as refusal:
            logger.info("upload refused (%s): %s", refusal.status, refusal.reason)
            raise HTTPException(refusal.status, refusal.reason) from None
        await self._store(request, target, size_limit)
        return Response(status_code=200)

    def _check(self, request: Request) -> tuple[Path, int | None]:
        query = request.query_params
        signed = verify_upload(request.url.path, query.get("f"), query.get("e"), query.get("s"), self.secret_key)
        if "\x00" in signed.file_name:
            raise UploadSignatureError(400, "the file name contains a NUL character")
        root = os.path.realpath(self.upload_dir)
        target = os.path.realpath(os.path.join(root, signed.file_name))
        if os.path.commonpath([root, target]) != root or target == root:
            raise UploadSignatureError(400, f"the file name {signed.file_name!r} leaves the upload folder")
        limit = self.max_upload_size or None
        declared = request.headers.get("content-length")
        if limit is not None and declared is not None and declared.isdigit() and int(declared) > limit:
            raise UploadSignatureError(413, f"the file is larger than the upload limit of {limit} bytes")
        return Path(target), limit

    async def _store(self, request: Request, target: Path, limit: int | None) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = _create_partial(target)
        except OSError as error:
            logger.error("cannot write uploads to %s: %s", target.parent, error)
            raise HTTPException(500, "the server cannot store the upload") from None
        received = 0
        try:
            with os.fdopen(handle, "wb") as output:
                async for chunk in request.stream():
                    received += len(chunk)
                    if limit is not None and received > limit:
                        raise HTTPException(413, f"the file is larger than the upload limit of {limit} bytes")
                    output.write(chunk)
            os.replace(temporary, target)
        except ClientDisconnect:
            logger.info("upload of %s abandoned by the client after %d bytes", target.name, received)
            raise HTTPException(400, "the upload was interrupted") from None
        except OSError as error:
            logger.error("cannot store the upload %s: %s", target, error)
            raise HTTPException(500, "the server cannot store the upload") from None
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
