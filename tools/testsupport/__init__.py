"""What the repository's tests and tools share: processes on free ports, Xvfb, redis-server, a client's tree.

Not shipped in any package. pytest finds it through ``pythonpath = ["tools"]`` in the root
pyproject.toml; scripts under ``tools/bench`` put ``tools/`` on ``sys.path`` themselves.
"""
