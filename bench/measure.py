"""Measure the operations users feel on the generated database and write
bench/results.md: median server time, SQL queries, peak Python memory where
it matters, and the ratio to an Odoo core operation of the same shape
measured in the same run."""

import os
from pathlib import Path

from benchlib import environment as bench_environment
from benchlib import measure, say
from lxml import etree

RESULTS = Path(__file__).with_name("results.md")
CLERK, DEPT_USER, LEADER, KEEPER = "wenshu", "bench0001", "juzhang", "wenshu"


_UIDS = {}


def as_user(env, login):
    """An environment of the user ``login`` (looked up once, not measured)."""
    if login not in _UIDS:
        _UIDS[login] = env["res.users"].search([("login", "=", login)], limit=1).id
    return env(user=_UIDS[login], su=False)


def list_spec(model):
    """The fields of the model's default list view, as the web client asks."""
    arch = model.get_views([(False, "list")])["views"]["list"]["arch"]
    spec = {}
    for node in etree.fromstring(arch).findall("field"):
        field = model._fields.get(node.get("name"))
        if not field:
            continue
        relational = field.type in ("many2one", "many2many", "one2many")
        spec[field.name] = {"fields": {"display_name": {}}} if relational else {}
    return spec


def list_view(model_name, login, domain=None):
    def run(env):
        model = as_user(env, login)[model_name]
        model.web_search_read(
            domain or [], list_spec(model), limit=80, count_limit=10001
        )

    return run


# ----------------------------------------------------------------------
# The operations, each with the core operation it is compared with
# ----------------------------------------------------------------------


def lookups(env):
    yield (
        "baseline: res.partner by reference",
        None,
        lambda e: e["res.partner"].search([("ref", "=", "P4242")]),
    )
    if "office.incoming.document" in env:
        name = env["office.incoming.document"].search([], limit=1, offset=5000).name
        yield (
            "incoming document by registration number (clerk)",
            "baseline: res.partner by reference",
            lambda e: as_user(e, CLERK)["office.incoming.document"].search(
                [("name", "=", name)]
            ),
        )
    if "office.outgoing.document" in env:
        number = (
            env["office.outgoing.document"]
            .search([("number", "!=", False)], limit=1, offset=3000)
            .number
        )
        yield (
            "outgoing document by document number (clerk)",
            "baseline: res.partner by reference",
            lambda e: as_user(e, CLERK)["office.outgoing.document"].search(
                [("number", "=", number)]
            ),
        )


LIST_MODELS = (
    "office.incoming.document",
    "office.outgoing.document",
    "office.seal.use.request",
    "office.seal.ledger",
)


def list_views(env):
    base = "baseline: res.partner list, 80 rows"
    yield base, None, list_view("res.partner", CLERK)
    if "fleet.vehicle.log.services" in env:
        yield (
            "baseline: fleet.vehicle.log.services list",
            None,
            list_view("fleet.vehicle.log.services", "admin"),
        )
    for name in LIST_MODELS:
        if name not in env:
            continue
        for who, login in (("clerk", CLERK), ("department user", DEPT_USER)):
            if as_user(env, login)[name].has_access("read"):
                yield f"{name} list, {who}", base, list_view(name, login)
    yield (
        "approvals inbox of the principal leader",
        base,
        list_view("tier.review", LEADER, [("status", "=", "pending")]),
    )


def _register(env):
    sender = env["res.partner"].search([("office_sender_level", "=", "upper")], limit=1)
    as_user(env, CLERK)["office.incoming.document"].create(
        {
            "sender_id": sender.id,
            "title": "基准测试来文",
            "sender_ref": "湘财〔2026〕1号",
        }
    )


def _number(env):
    Outgoing = env["office.outgoing.document"]
    doc = Outgoing.search([("state", "=", "first_read")], limit=1)
    doc.with_user(doc.env.ref("base.user_admin")).action_number()


def _stamp(env):
    Request = env["office.seal.use.request"]
    request = Request.search([("state", "=", "approved")], limit=1)
    keeper = request.seal_ids[:1].custodian_id
    request.with_user(keeper).stamp(1)


def _partner_step(env):
    partner = env["res.partner"].create({"name": "基准单位"})
    partner.activity_schedule("mail.mail_activity_data_todo", summary="基准")


def steps(env):
    base = "baseline: res.partner create + activity"
    yield base, None, _partner_step
    if "office.incoming.document" in env:
        yield "register one incoming document", base, _register
    if "office.outgoing.document" in env:
        yield "number one outgoing document", base, _number
    if "office.seal.use.request" in env:
        yield "stamp one approved request", base, _stamp


def batch(env):
    count = int(os.environ.get("BENCH_BATCH", "10000"))
    base = f"baseline: res.partner batch create x{count}"
    yield (
        base,
        None,
        lambda e: e["res.partner"].create([{"name": f"批量{i}"} for i in range(count)]),
    )
    if "office.incoming.document" in env:
        sender = env["res.partner"].search(
            [("office_sender_level", "=", "upper")], limit=1
        )
        vals = [
            {"sender_id": sender.id, "title": f"批量来文{i}", "channel": "exchange"}
            for i in range(count)
        ]
        yield (
            f"incoming documents batch create x{count} (clerk)",
            base,
            lambda e: as_user(e, CLERK)["office.incoming.document"].create(vals),
        )


def crons(env):
    """Every scheduled action of our addons, over the whole data."""
    data = env["ir.model.data"].search(
        [("model", "=", "ir.cron"), ("module", "=like", "office_%")]
    )
    for cron in (
        env["ir.cron"].browse(data.mapped("res_id")).with_context(active_test=False)
    ):
        yield (
            f"cron: {cron.with_context(lang='en_US').cron_name}",
            None,
            lambda e, cron=cron: (
                e["ir.actions.server"].browse(cron.ir_actions_server_id.id).run()
            ),
        )


# ----------------------------------------------------------------------


def _row(result, baselines, target):
    base = baselines.get(result.name)
    ratio = f"{result.ms / base.ms:.2f}" if base else ""
    peak = f"{result.peak_mb:.0f}" if result.peak_mb is not None else ""
    return (
        f"| {result.name} | {result.ms:.1f} | {result.queries} | {peak} | "
        f"{base.name.removeprefix('baseline: ') if base else ''} | {ratio} | {target} |"
    )


GROUPS = (
    ("Lookups", lookups, 7, False, "≤ 5 queries, < 20 ms"),
    ("List views (80 rows with count)", list_views, 5, False, "< 300 ms"),
    ("Single workflow steps", steps, 5, False, "constant queries, ≤ 2× core"),
    ("Batch create", batch, 1, True, "≤ 2× core"),
    ("Scheduled actions (whole data)", crons, 1, True, "< 60 s, < 500 MB"),
)


def main():
    lines = []
    with bench_environment() as env:
        sizes = {}
        for model in ("office.incoming.document", "office.outgoing.document"):
            if model in env:
                env.cr.execute(f"SELECT count(*) FROM {env[model]._table}")
                sizes[model] = env.cr.fetchone()[0]
        lines.append(
            "| operation | ms (median) | queries | peak MB | compared with | ratio "
            "| target |"
        )
        lines.append("|---|---:|---:|---:|---|---:|---|")
        for title, ops, repeat, memory, target in GROUPS:
            say(f"== {title}")
            lines.append(f"| **{title}** | | | | | | |")
            measured = {}
            for name, base_name, func in ops(env):
                result = measure(env, name, func, repeat=repeat, memory=memory)
                measured[name] = result
                base = measured.get(base_name)
                lines.append(_row(result, {name: base} if base else {}, target))
        env.cr.rollback()
    header = [
        "# Latest benchmark results",
        "",
        f"Scale {os.environ.get('BENCH_SCALE', '1')}; "
        + ", ".join(f"{m}: {n:,} rows" for m, n in sizes.items()),
        "",
    ]
    RESULTS.write_text("\n".join(header + lines) + "\n")
    say(f"results written to {RESULTS}")


if __name__ == "__main__":
    main()
