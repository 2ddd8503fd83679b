"""Virtual users: each logs in with its own session, then reads (lists, details, search, dashboard) and writes
(proposes a delegation, submits a unit report, moves a workflow step) until the deadline.

A write counts as acknowledged when the server answered it with its success redirect carrying a success message
(workflow steps redirect on refusal too, with an error message: the `messages` cookie tells them apart). Every
acknowledged write goes to the ledger with the state it must have left in the database; a write left without an
answer (connection cut by the killed worker) is kept as "pending": the object may be in the state before or after
it, never in between.
Records move through shared pools (drafts → proposed → in plan; reports → submitted), so one record is never
changed by two virtual users at once and a refusal always means something went wrong.
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from doingoai.devtools.loadtest.client import CONNECTION_ERRORS, ERROR, SUCCESS, Browser, Response

SECTION_TEXTS = {
    "other": "Đơn vị tiếp và làm việc với các đoàn khách quốc tế; tham gia quảng bá hình ảnh của tỉnh.",
    "assessment": "Các hoạt động đối ngoại cơ bản thực hiện theo kế hoạch; đề nghị bố trí kinh phí kịp thời.",
}
SEARCH_TERMS = ["Lào", "Nhat Ban", "Hàn Quốc", "hợp tác", "Trung Quoc", "Thái Lan", "du lịch", "Viêng Chăn", "giáo dục"]
PLANNED_TIMES = ["Quý II", "Quý III/Quý IV", "Tháng 11-12", "6/2027", "Tùy thuộc lịch của đối tác"]
DETAIL_PATH = re.compile(r"^/delegations/(\d+)/$")


@dataclass
class Sample:
    kind: str  # "read", "write" or "login"
    label: str
    status: int  # 0: no answer (connection error)
    started: float  # seconds since the start of the run
    ended: float
    ms: float
    error: str = ""


@dataclass
class Account:
    username: str
    role: str  # "officer", "coordinator" or "leader"
    unit_id: int | None = None


class Ledger:
    """The writes the server acknowledged, per record and in order, and the ones it never answered."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.objects: dict[str, dict[str, Any]] = {}
        self.unanswered_creates = 0

    def _entry(self, model: str, pk: int) -> dict[str, Any]:
        return self.objects.setdefault(f"{model}:{pk}", {"model": model, "id": pk, "steps": [], "pending": None})

    def ack(self, model: str, pk: int, verb: str, status: str, **extra: Any) -> None:
        with self.lock:
            entry = self._entry(model, pk)
            entry["steps"].append([verb, status])
            entry.update(extra)

    def unanswered(self, model: str, pk: int | None, verb: str, status: str) -> None:
        with self.lock:
            if pk is None:
                self.unanswered_creates += 1
            else:
                self._entry(model, pk)["pending"] = [verb, status]

    def acknowledged(self) -> int:
        return sum(len(e["steps"]) for e in self.objects.values())

    def as_list(self) -> list[dict[str, Any]]:
        with self.lock:
            return [dict(e) for e in self.objects.values()]


class Pools:
    """Records waiting for their next step, each taken by exactly one virtual user."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.queues: dict[str, deque[int]] = {}

    def put(self, name: str, item: int) -> None:
        with self.lock:
            self.queues.setdefault(name, deque()).append(item)

    def take(self, name: str) -> int | None:
        with self.lock:
            queue = self.queues.get(name)
            return queue.popleft() if queue else None


@dataclass
class Run:
    """What the virtual users share."""

    host: str
    port: int
    plan: dict[str, Any]
    seconds: float
    write_share: float = 0.2
    think_ms: float = 0.0
    seed: int = 2026
    ledger: Ledger = field(default_factory=Ledger)
    pools: Pools = field(default_factory=Pools)
    samples: list[Sample] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)  # writes answered without success: none are expected
    lock: threading.Lock = field(default_factory=threading.Lock)
    t0: float = 0.0  # perf_counter at the start of the measured window
    deadline: float = 0.0

    def start_clock(self) -> None:
        self.t0 = time.perf_counter()
        self.deadline = self.t0 + self.seconds

    def now(self) -> float:
        return time.perf_counter() - self.t0

    def record(self, sample: Sample) -> None:
        with self.lock:
            self.samples.append(sample)


class VirtualUser(threading.Thread):
    def __init__(self, run: Run, index: int, account: Account, barrier: threading.Barrier) -> None:
        super().__init__(name=f"vu{index:02d}", daemon=True)
        self.r, self.index, self.account, self.barrier = run, index, account, barrier
        self.rng = random.Random(run.seed * 1000 + index)  # noqa: S311 (a reproducible load pattern, not a secret)
        self.browser = Browser(run.host, run.port)
        self.drafts: list[int] = []  # delegations this user created and has not submitted yet
        self.created: list[int] = []
        self.logged_in = False
        self.counter = 0
        # A write is one POST plus the page it redirects to: ops are writes with probability w/(1-w), so that
        # writes are `write_share` of the requests.
        share = min(max(run.write_share, 0.0), 0.5)
        self.write_probability = share / (1 - share)

    # ------------------------------------------------------------------------------------------------ plumbing
    def call(
        self, kind: str, label: str, method: str, path: str, form: dict[str, Any] | None = None
    ) -> Response | None:
        started = self.r.now()
        try:
            response = self.browser.request(method, path, form, label)
        except CONNECTION_ERRORS as exc:
            ended = self.r.now()
            self.r.record(Sample(kind, label, 0, started, ended, (ended - started) * 1000, type(exc).__name__))
            return None
        self.r.record(Sample(kind, label, response.status, started, self.r.now(), response.elapsed_ms))
        return response

    def run(self) -> None:
        plan = self.r.plan
        try:
            response = self.browser.login(self.account.username, plan["password"])
            self.logged_in = response.status == 302 and "sessionid" in self.browser.cookies
        except CONNECTION_ERRORS:
            self.logged_in = False
        try:
            self.barrier.wait(timeout=600)
        except threading.BrokenBarrierError:
            return
        if not self.logged_in:
            return
        try:
            while time.perf_counter() < self.r.deadline:
                if self.rng.random() < self.write_probability:
                    self.write()
                else:
                    self.read()
                if self.r.think_ms:
                    time.sleep(self.rng.expovariate(1000 / self.r.think_ms))
        except Exception as exc:  # a bug of the harness, not of the server: reported, and the run fails
            with self.r.lock:
                self.r.crashes.append(f"{self.name}: {type(exc).__name__}: {exc}")

    # --------------------------------------------------------------------------------------------------- reads
    def read(self) -> None:
        plan, rng = self.r.plan, self.rng
        year = plan["year"]
        choices: list[tuple[int, str, Callable[[], str]]] = [
            (2, "home", lambda: "/"),
            (2, "dashboard", lambda: "/dashboard/"),
            (4, "list", lambda: "/delegations/"),
            (2, "list", lambda: f"/delegations/?year={year}&status=in_plan&status=approved"),
            (1, "list", lambda: "/delegations/?direction=out&sort=-year"),
            (1, "list", lambda: "/delegations/?" + urlencode({"q": rng.choice(SEARCH_TERMS)})),
            (1, "list", lambda: "/conferences/"),
            (1, "list", lambda: "/agreements/"),
            (1, "list", lambda: "/reports/"),
            (6, "detail", self.detail_path),
            (3, "search", lambda: "/search/?" + urlencode({"q": rng.choice(SEARCH_TERMS)})),
        ]
        weights = [w for w, _, _ in choices]
        _, label, path = rng.choices(choices, weights)[0]
        self.call("read", label, "GET", path())

    def detail_path(self) -> str:
        ids = self.r.plan["visible"].get(self.account.username) or []
        pool = ids + self.created[-20:]
        return f"/delegations/{self.rng.choice(pool)}/" if pool else "/delegations/"

    # -------------------------------------------------------------------------------------------------- writes
    def write(self) -> None:
        role, rng = self.account.role, self.rng
        if self.drafts:
            self.submit_delegation(self.drafts.pop(0))
        elif role == "officer":
            report = self.r.pools.take(f"reports:{self.account.unit_id}") if rng.random() < 0.5 else None
            if report is not None:
                self.submit_report(report)
            else:
                self.propose()
        elif role == "coordinator":
            order = ["proposed", "submitted"] if rng.random() < 0.6 else ["submitted", "proposed"]
            for pool in order:
                pk = self.r.pools.take(pool)
                if pk is not None:
                    (self.include_in_plan if pool == "proposed" else self.accept_report)(pk)
                    return
            self.propose()
        else:
            pk = self.r.pools.take("in_plan")
            if pk is not None:
                self.approve(pk)
            else:
                self.read()  # leaders only decide; nothing waits for them yet

    def post(self, label: str, path: str, form: dict[str, Any]) -> tuple[Response | None, bool]:
        """POST, then follow the redirect like a browser; (response, acknowledged as a success)."""
        response = self.call("write", label, "POST", path, form)
        if response is None or response.status >= 500:
            return response, False
        if response.status != 302:
            self.refused(label, f"HTTP {response.status}")
            return response, False
        # Every successful step sets a success message; a redirect without a fresh one (to the login page, say)
        # or with an error message is not an acknowledgement.
        fresh = any(line.startswith("messages=") for line in response.headers.get("set-cookie", []))
        message = self.browser.last_message() if fresh else None
        ok = message is not None and SUCCESS <= message[0] < ERROR
        if not ok:
            self.refused(label, message[1] if message else f"302 → {response.location}")
        self.call("read", "after_write", "GET", response.location or "/")
        return response, ok

    def refused(self, label: str, why: str) -> None:
        with self.r.lock:
            self.r.refusals.append(f"{label}: {why[:200]}")

    def step(self, model: str, pk: int, verb: str, status: str, path: str, form: dict[str, Any]) -> bool:
        response, ok = self.post(verb, path, form)
        if response is None or response.status >= 500:
            self.r.ledger.unanswered(model, pk, verb, status)
        elif ok:
            self.r.ledger.ack(model, pk, verb, status)
        return ok

    def propose(self) -> None:
        plan, rng = self.r.plan, self.rng
        self.counter += 1
        form: dict[str, Any] = {
            "year": plan["year"],
            "direction": rng.choice(["out", "in"]),
            "group": "departments",
            "name": f"{plan['tag']} VU{self.index:02d}-{self.counter} Đoàn công tác trao đổi hợp tác",
            "head": f"{plan['tag']} Phó Giám đốc Sở",  # the run's competent-authority rule: titles with the tag
            "size": rng.randint(3, 12),
            "countries": [rng.choice(plan["countries"])],
            "purpose": "Trao đổi kinh nghiệm, thúc đẩy hợp tác trong lĩnh vực phụ trách.",
            "duration_text": "05 ngày",
            "time_text": rng.choice(PLANNED_TIMES),
            "funding_source": "partner",  # no state budget: decided without the finance appraisal
        }
        if self.account.role != "officer":
            form["proposing_unit"] = rng.choice(plan["units"])
        response, ok = self.post("propose", "/delegations/add/", form)
        if response is None or response.status >= 500:
            self.r.ledger.unanswered("delegation", None, "created", "draft")
            return
        match = DETAIL_PATH.match(response.location) if ok else None
        if match:
            pk = int(match.group(1))
            self.r.ledger.ack("delegation", pk, "created", "draft", name=form["name"], by=self.account.username)
            self.drafts.append(pk)
            self.created.append(pk)

    def submit_delegation(self, pk: int) -> None:
        if self.step("delegation", pk, "submit", "proposed", f"/delegations/{pk}/action/submit/", {}):
            self.r.pools.put("proposed", pk)

    def include_in_plan(self, pk: int) -> None:
        path = f"/delegations/{pk}/action/include_in_plan/"
        if self.step("delegation", pk, "include_in_plan", "in_plan", path, {}):
            self.r.pools.put("in_plan", pk)

    def approve(self, pk: int) -> None:
        self.counter += 1
        form = {"decision_ref": f"{self.index}{self.counter:04d}/QĐ-UBND", "decision_date": self.r.plan["today"]}
        self.step("delegation", pk, "approve", "approved", f"/delegations/{pk}/action/approve/", form)

    def submit_report(self, pk: int) -> None:
        form = {"_action": "submit", **SECTION_TEXTS}
        if self.step("unitreport", pk, "submit", "submitted", f"/reports/report/{pk}/", form):
            self.r.pools.put("submitted", pk)

    def accept_report(self, pk: int) -> None:
        self.step("unitreport", pk, "accept", "accepted", f"/reports/report/{pk}/action/accept/", {})


def assign_accounts(plan: dict[str, Any], users: int) -> list[Account]:
    """Roughly 1 leader in 16, 1 coordinator in 5, the rest unit officers (spread over the prepared officers)."""
    leaders = max(1, users // 16)
    coordinators = max(1, users // 5)
    officers = [a for a in plan["accounts"] if a["role"] == "officer"]
    chosen: list[Account] = []
    for i in range(users):
        if i < leaders:
            role = "leader"
        elif i < leaders + coordinators:
            role = "coordinator"
        else:
            role = "officer"
        if role == "officer":
            a = officers[(i - leaders - coordinators) % len(officers)]
            chosen.append(Account(a["username"], "officer", a["unit_id"]))
        else:
            a = next(a for a in plan["accounts"] if a["role"] == role)
            chosen.append(Account(a["username"], role, a["unit_id"]))
    return chosen


def run_users(run: Run, users: int, on_start: Callable[[], None] | None = None) -> list[VirtualUser]:
    """Log every virtual user in, start the clock, run until the deadline; returns the (finished) users."""
    accounts = assign_accounts(run.plan, users)
    for unit_id, reports in run.plan["reports"].items():
        for pk in reports:
            run.pools.put(f"reports:{unit_id}", pk)

    def started() -> None:
        run.start_clock()
        if on_start is not None:
            on_start()

    barrier = threading.Barrier(len(accounts), action=started)
    vus = [VirtualUser(run, i, account, barrier) for i, account in enumerate(accounts)]
    for vu in vus:
        vu.start()
    for vu in vus:
        vu.join()
    return vus
