"""A stand-in OAuth 2 provider on loopback: it signs in anyone, and records token requests."""

import secrets
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse

app = FastAPI()
codes: dict[str, str] = {}
token_requests: list[dict[str, str]] = []


@app.get("/authorize")
async def authorize(request: Request):
    query = request.query_params
    code = secrets.token_hex(8)
    codes[code] = query["client_id"]
    target = query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]})
    return RedirectResponse(target, status_code=302)


@app.post("/token")
async def token(request: Request):
    form = dict(parse_qsl((await request.body()).decode()))  # no python-multipart needed
    form["user_agent"] = request.headers.get("user-agent", "")
    token_requests.append({k: str(v) for k, v in form.items()})
    if codes.pop(str(form.get("code")), None) != form.get("client_id"):
        return JSONResponse({"error": "invalid_grant"}, status_code=400)
    return {"access_token": "token-" + secrets.token_hex(4), "token_type": "Bearer", "expires_in": 3600}


@app.get("/user")
async def user(request: Request):
    if not request.headers.get("authorization", "").startswith("Bearer token-"):
        return JSONResponse({"error": "unauthorized"}, status_code=401)
    return {"id": 583231, "login": "octocat"}


@app.get("/token-requests")
async def recorded():
    return token_requests
