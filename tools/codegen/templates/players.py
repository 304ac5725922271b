"""Media players: audio, video and Lottie animations.

Audio and Video are driven by client methods; the getters wait for the client's answer (5 s by
default) and raise `TimeoutError` when it does not come.
"""

from __future__ import annotations

from flet_core._deprecation import deprecated_twin
from flet_core._fields import prop
from flet_core.encoding import dumps
from flet_core.media import VideoMedia


def _milliseconds(result: str | None) -> int | None:
    """A duration or position answer: whole milliseconds as text, or nothing."""
    if result is None or result in {"", "null"}:
        return None
    return int(float(result))


class Audio:
    def play(self) -> None:
        """Start playing from the current position."""
        self.invoke_method("play")

    def pause(self) -> None:
        """Pause playback."""
        self.invoke_method("pause")

    def resume(self) -> None:
        """Resume paused playback."""
        self.invoke_method("resume")

    def release(self) -> None:
        """Stop playback and free the player's resources; `play()` loads the source again."""
        self.invoke_method("release")

    def seek(self, position_milliseconds: int) -> None:
        """Move the playback position."""
        self.invoke_method("seek", {"position": str(position_milliseconds)})

    def get_duration(self, wait_timeout: float | None = 5) -> int | None:
        """The length of the loaded audio in milliseconds, once the client knows it."""
        return _milliseconds(self.invoke_method("get_duration", wait_for_result=True, wait_timeout=wait_timeout))

    async def get_duration_async(self, wait_timeout: float | None = 5) -> int | None:
        """The length of the loaded audio in milliseconds, once the client knows it."""
        return _milliseconds(
            await self.invoke_method_async("get_duration", wait_for_result=True, wait_timeout=wait_timeout)
        )

    def get_current_position(self, wait_timeout: float | None = 5) -> int | None:
        """The playback position in milliseconds."""
        return _milliseconds(
            self.invoke_method("get_current_position", wait_for_result=True, wait_timeout=wait_timeout)
        )

    async def get_current_position_async(self, wait_timeout: float | None = 5) -> int | None:
        """The playback position in milliseconds."""
        return _milliseconds(
            await self.invoke_method_async("get_current_position", wait_for_result=True, wait_timeout=wait_timeout)
        )

    play_async = deprecated_twin(play)
    pause_async = deprecated_twin(pause)
    resume_async = deprecated_twin(resume)
    release_async = deprecated_twin(release)
    seek_async = deprecated_twin(seek)


class Video:
    # 0.21 sets the playlist once, at construction; playlist_add/remove keep it in step
    playlist: list[VideoMedia] | None = prop(default=None, json=True, kw_only=False)

    def play(self) -> None:
        """Start playing."""
        self.invoke_method("play")

    def pause(self) -> None:
        """Pause playback."""
        self.invoke_method("pause")

    def play_or_pause(self) -> None:
        """Pause if playing, play if paused."""
        self.invoke_method("play_or_pause")

    def stop(self) -> None:
        """Stop playback and go back to the start of the playlist."""
        self.invoke_method("stop")

    def next(self) -> None:
        """Skip to the next video of the playlist."""
        self.invoke_method("next")

    def previous(self) -> None:
        """Go back to the previous video of the playlist."""
        self.invoke_method("previous")

    def seek(self, position_milliseconds: int) -> None:
        """Move the playback position."""
        self.invoke_method("seek", {"position": str(position_milliseconds)})

    async def seek_async(self, position_milliseconds: int) -> None:
        """Move the playback position."""
        await self.invoke_method_async("seek", {"position": str(position_milliseconds)})

    def jump_to(self, media_index: int) -> None:
        """Play the playlist's video at `media_index`."""
        self.invoke_method("jump_to", {"media_index": str(media_index)})

    async def jump_to_async(self, media_index: int) -> None:
        """Play the playlist's video at `media_index`."""
        await self.invoke_method_async("jump_to", {"media_index": str(media_index)})

    def playlist_add(self, media: VideoMedia) -> None:
        """Append `media` to the playlist."""
        arguments = {
            "resource": media.resource or "",
            "http_headers": dumps(media.http_headers or {}),
            "extras": dumps(media.extras or {}),
        }
        self.invoke_method("playlist_add", arguments)
        # the playlist attribute follows, so a reconnecting client loads the same list
        self.playlist = [*(self.playlist or []), media]

    def playlist_remove(self, media_index: int) -> None:
        """Remove the playlist's video at `media_index`."""
        self.invoke_method("playlist_remove", {"media_index": str(media_index)})
        playlist = list(self.playlist or [])
        if 0 <= media_index < len(playlist):
            del playlist[media_index]
            self.playlist = playlist

    def is_playing(self, wait_timeout: float | None = 5) -> bool:
        """Whether a video is playing."""
        return self.invoke_method("is_playing", wait_for_result=True, wait_timeout=wait_timeout) == "true"

    async def is_playing_async(self, wait_timeout: float | None = 5) -> bool:
        """Whether a video is playing."""
        result = await self.invoke_method_async("is_playing", wait_for_result=True, wait_timeout=wait_timeout)
        return result == "true"

    def is_completed(self, wait_timeout: float | None = 5) -> bool:
        """Whether the playlist has played to its end."""
        return self.invoke_method("is_completed", wait_for_result=True, wait_timeout=wait_timeout) == "true"

    async def is_completed_async(self, wait_timeout: float | None = 5) -> bool:
        """Whether the playlist has played to its end."""
        result = await self.invoke_method_async("is_completed", wait_for_result=True, wait_timeout=wait_timeout)
        return result == "true"

    def get_duration(self, wait_timeout: float | None = 5) -> int | None:
        """The length of the current video in milliseconds."""
        return _milliseconds(self.invoke_method("get_duration", wait_for_result=True, wait_timeout=wait_timeout))

    async def get_duration_async(self, wait_timeout: float | None = 5) -> int | None:
        """The length of the current video in milliseconds."""
        return _milliseconds(
            await self.invoke_method_async("get_duration", wait_for_result=True, wait_timeout=wait_timeout)
        )

    def get_current_position(self, wait_timeout: float | None = 5) -> int | None:
        """The playback position in the current video, in milliseconds."""
        return _milliseconds(
            self.invoke_method("get_current_position", wait_for_result=True, wait_timeout=wait_timeout)
        )

    async def get_current_position_async(self, wait_timeout: float | None = 5) -> int | None:
        """The playback position in the current video, in milliseconds."""
        return _milliseconds(
            await self.invoke_method_async("get_current_position", wait_for_result=True, wait_timeout=wait_timeout)
        )

    play_async = deprecated_twin(play)
    pause_async = deprecated_twin(pause)
    play_or_pause_async = deprecated_twin(play_or_pause)
    stop_async = deprecated_twin(stop)
    next_async = deprecated_twin(next)
    previous_async = deprecated_twin(previous)
    playlist_add_async = deprecated_twin(playlist_add)
    playlist_remove_async = deprecated_twin(playlist_remove)
