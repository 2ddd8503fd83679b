"""`doingoai loadtest`: the app under gunicorn on a fresh database, virtual users, a killed worker, and a check
that every acknowledged write is in the database.

`client` (a browser-like HTTP client), `scenario` (virtual users, their reads and writes, the ledger of
acknowledged writes), `server` (gunicorn and its workers) use the standard library only; `checks` (prepare the
database, verify the ledger) runs inside a Django process pointed at the load-test database.
"""
