"""The start floor: a bare FastAPI app with one WebSocket route on uvicorn, nothing of Flet.

It answers each text message with the same text, so the suite can time process start → first
reply the way it times a Flet app's start → first render. Served like the Flet apps are
(``uvicorn.run`` with its defaults: uvloop, httptools, lifespan on). python fastapi_floor.py PORT
"""

import sys

import uvicorn
from fastapi import FastAPI, WebSocket, WebSocketDisconnect

app = FastAPI()


@app.websocket("/ws")
async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    try:
        while True:
            await websocket.send_text(await websocket.receive_text())
    except WebSocketDisconnect:
        return


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="error")
