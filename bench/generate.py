"""Fill the benchmark database at agency scale (BENCH_SCALE=1.0).

Rows are copies of the demo records (every state) made by set-based INSERT …
SELECT, spread over five years; old documents are copies of closed ones, as in
a real register. Users, departments and ledger entries go through the ORM, so
their side tables and hash chains are right. Each part is skipped when its
addon is not installed."""

import datetime
from string import Template

from benchlib import environment, replicate, say, scale

YEARS = 5
RECENT_DAYS = 60
MIN_USERS = 60  # measure.py circulates a document to 60 readers
INBOX_LEADER, INBOX_REVIEWS = "fujuzhang1", 2000  # as in measure.py


def _users(env):
    Department = env["hr.department"]
    company = env.company
    parent = env["hr.department"].search([("parent_id", "=", False)], limit=1)
    depts = Department.create(
        [
            {
                "name": f"基准科室{i:02d}",
                "company_id": company.id,
                "parent_id": parent.id,
            }
            for i in range(1, scale(60) + 1)
        ]
    )
    # no password: hashing one costs 0.3 s; the benchmark acts as the users
    # in process and never logs them in
    staff_group = env.ref("office_base.group_office_user")
    users = (
        env["res.users"]
        .with_context(no_reset_password=True, mail_create_nosubscribe=True)
        .create(
            [
                {
                    "name": f"基准用户{i:04d}",
                    "login": f"bench{i:04d}",
                    "groups_id": [(6, 0, [staff_group.id])],
                    "tz": "Asia/Shanghai",
                }
                # at least the readers of the circulation measured
                for i in range(1, max(scale(2000), MIN_USERS) + 1)
            ]
        )
    )
    env["hr.employee"].create(
        [
            {
                "name": user.name,
                "user_id": user.id,
                "department_id": depts[i % len(depts)].id,
            }
            for i, user in enumerate(users)
        ]
    )
    say(f"{len(depts)} departments, {len(users)} users with employees")
    return depts


def _dept_expr(depts):
    # hashed, not g % n: the source rows go round robin too, and the two
    # cycles would leave some departments without documents
    return f"(ARRAY{depts.ids})[1 + abs(hashint4(g) % {len(depts)})]"


def _spread(env, model, total, closed_states, overrides, years=YEARS, **kwargs):
    """Recent rows copy every demo state; older ones copy closed rows only.

    ``overrides`` are templates over $age (days back) and $n (a number unique
    across both inserts); ``kwargs`` go to ``replicate``."""
    sources = env[model].with_context(active_test=False).search([])
    closed = sources.filtered(lambda r: r.state in closed_states) or sources
    recent = scale(total * RECENT_DAYS // (365 * years))
    parts = (
        (sources, recent, f"(g % {RECENT_DAYS})", "g"),
        (
            closed,
            scale(total) - recent,
            f"({RECENT_DAYS} + g % {365 * years - RECENT_DAYS})",
            f"({recent} + g)",
        ),
    )
    for rows, count, age, number in parts:
        exprs = {
            col: Template(expr).substitute(age=age, n=number)
            for col, expr in overrides.items()
        }
        replicate(env[model], rows.ids, count, exprs, **kwargs)
    say(f"{model}: {scale(total)} rows ({recent} recent)")


def _incoming(env, depts):
    if "office.incoming.document" not in env:
        return
    _spread(
        env,
        "office.incoming.document",
        1_000_000,
        ("closed", "returned"),
        {
            "name": "format('收文〔%s〕%s号', extract(year FROM s.received_at "
            "- make_interval(days => $age))::int, 100000 + $n)",
            "received_at": "s.received_at - make_interval(days => $age)",
            "due_date": "s.due_date - $age",
            "lead_department_id": "CASE WHEN s.lead_department_id IS NULL THEN NULL "
            f"ELSE {_dept_expr(depts)} END",
            "create_date": "s.create_date - make_interval(days => $age)",
        },
    )


def _outgoing(env, depts):
    if "office.outgoing.document" not in env:
        return
    code_name = (
        "(SELECT c.name FROM office_issuing_code c WHERE c.id = s.issuing_code_id)"
    )
    year = "extract(year FROM s.create_date - make_interval(days => $age))::int"
    _spread(
        env,
        "office.outgoing.document",
        200_000,
        ("filed", "distributed"),
        {
            "number": "CASE WHEN s.number IS NULL THEN NULL ELSE "
            f"format('%s〔%s〕%s号', {code_name}, {year}, 1000 + $n) END",
            "number_year": f"CASE WHEN s.number IS NULL THEN NULL ELSE {year} END",
            "number_seq": "CASE WHEN s.number IS NULL THEN NULL ELSE 1000 + $n END",
            "department_id": _dept_expr(depts),
            "create_date": "s.create_date - make_interval(days => $age)",
        },
    )
    env.cr.execute(
        """INSERT INTO office_issuing_counter (code_id, year, last_number, company_id)
           SELECT issuing_code_id, number_year, max(number_seq), company_id
             FROM office_outgoing_document WHERE number_seq IS NOT NULL
         GROUP BY issuing_code_id, number_year, company_id
           ON CONFLICT (code_id, year) DO UPDATE
              SET last_number = GREATEST(office_issuing_counter.last_number,
                                         EXCLUDED.last_number)"""
    )


def _move_sequence(env, code, table, date_column):
    """Move the yearly ranges of the sequence ``code`` past the numbers the
    copies took (``<prefix><year>-<number>``), so the next real record gets a
    new one."""
    sequence = env["ir.sequence"].search([("code", "=", code)], limit=1)
    env.cr.execute(
        f"""SELECT extract(year FROM {date_column})::int,
                   max(substring(name FROM '-([0-9]+)$')::int)
              FROM {table} WHERE name ~ '-[0-9]+$' GROUP BY 1"""
    )
    for year, last in env.cr.fetchall():
        current = sequence._get_current_sequence(
            sequence_date=datetime.date(year, 6, 30)
        )
        if current.number_next_actual <= last:
            current.number_next_actual = last + 1


def _archive_items(env, depts):
    """Items over 30 years, each with its own item number in its filing unit
    (above the demo numbers) and the archival code made of it; counters moved
    past them. Boxes only for the copies of the current year (a box holds one
    year); loans and the links to filed documents and seals (one item each)
    are not copied."""
    if "office.archive.item" not in env:
        return
    shift = "($age / 365)"
    number = "(10000 + $n)"
    _spread(
        env,
        "office.archive.item",
        500_000,
        ("in_stock", "transferred", "destroyed"),
        {
            "year": f"s.year - {shift}",
            "retention_until": f"CASE WHEN s.retention_until = 0 THEN 0 "
            f"ELSE s.retention_until - {shift} END",
            "item_number": f"CASE WHEN s.name IS NULL THEN NULL ELSE {number} END",
            "name": "CASE WHEN s.name IS NULL THEN NULL ELSE "
            "format('%s-%s·%s-%s-%s-%s', "
            "(SELECT code FROM office_archive_fonds WHERE id = s.fonds_id), "
            "(SELECT code FROM office_archive_category WHERE id = s.category_id), "
            f"s.year - {shift}, "
            "(SELECT code FROM office_archive_retention WHERE id = s.retention_id), "
            "(SELECT code FROM office_archive_unit WHERE id = s.unit_id), "
            f"{number}) END",
            "title": "format('%s（%s）', s.title, $n)",
            "department_id": "CASE WHEN s.department_id IS NULL THEN NULL "
            f"ELSE {_dept_expr(depts)} END",
            "box_id": f"CASE WHEN {shift} = 0 THEN s.box_id END",
            "room_id": f"CASE WHEN {shift} = 0 THEN s.room_id END",
            "cabinet": f"CASE WHEN {shift} = 0 THEN s.cabinet END",
            "filed_at": "s.filed_at - make_interval(days => $age)",
            "create_date": "s.create_date - make_interval(days => $age)",
            # links of office_archive_docs / _seal: one item per source record
            **dict.fromkeys(
                (
                    "incoming_document_id",
                    "outgoing_document_id",
                    "seal_deactivation_id",
                    "seal_id",
                ),
                "NULL",
            ),
        },
        years=30,
        skip_relations=("office_archive_loan_item_rel",),
    )
    env.cr.execute(
        """INSERT INTO office_archive_counter
                  (fonds_id, category_id, year, retention_id, unit_id, last_number)
           SELECT fonds_id, category_id, year, retention_id, unit_id,
                  max(item_number)
             FROM office_archive_item WHERE item_number IS NOT NULL
         GROUP BY fonds_id, category_id, year, retention_id, unit_id
           ON CONFLICT (fonds_id, category_id, year, retention_id, unit_id)
           DO UPDATE SET last_number = GREATEST(office_archive_counter.last_number,
                                                EXCLUDED.last_number)"""
    )


def _trips(env):
    """Trips over five years; the odometer entries of the demo trips are not
    linked to the copies (a car's odometer is its own)."""
    if "office.fleet.trip" not in env:
        return
    _spread(
        env,
        "office.fleet.trip",
        50_000,
        ("done", "cancel"),
        {
            "name": "format('出车%s-%s', extract(year FROM s.date_out "
            "- make_interval(days => $age))::int, lpad(($n)::text, 4, '0'))",
            "date_out": "s.date_out - make_interval(days => $age)",
            "date_in": "s.date_in - make_interval(days => $age)",
            "create_date": "s.create_date - make_interval(days => $age)",
        },
        copy_many2many=False,
    )
    _move_sequence(env, "office.fleet.trip", "office_fleet_trip", "date_out")


def _risk_events(env, depts):
    """Risk events over five years; a sensor's dedup key is made unique per
    copy (one open event per breach)."""
    if "office.risk.event" not in env:
        return
    _spread(
        env,
        "office.risk.event",
        20_000,
        ("closed", "cancel"),
        {
            "name": "format('风险%s-%s', extract(year FROM s.date_found "
            "- make_interval(days => $age))::int, lpad(($n)::text, 4, '0'))",
            "date_found": "s.date_found - make_interval(days => $age)",
            "date_occurred": "s.date_occurred - $age",
            "last_seen": "s.last_seen - make_interval(days => $age)",
            "dedup_key": "CASE WHEN s.dedup_key IS NULL THEN NULL "
            "ELSE format('%s#bench%s', s.dedup_key, $n) END",
            "create_date": "s.create_date - make_interval(days => $age)",
        },
    )
    _move_sequence(env, "office.risk.event", "office_risk_event", "date_found")


def _employee_columns(env):
    """Overrides giving each copied leave a generated employee, with the
    columns that follow the employee (user, department, manager, calendar)."""
    employees = env["hr.employee"].search([("user_id.login", "=like", "bench%")])
    employee = f"(ARRAY{employees.ids})[1 + abs(hashint4(g) % {len(employees)})]"

    def of_employee(column):
        return f"(SELECT e.{column} FROM hr_employee e WHERE e.id = {employee})"

    return {
        "employee_id": employee,
        "user_id": of_employee("user_id"),
        "department_id": of_employee("department_id"),
        "manager_id": of_employee("parent_id"),
        "resource_calendar_id": f"COALESCE({of_employee('resource_calendar_id')}"
        ", s.resource_calendar_id)",
        "meeting_id": "NULL",
    }


def _leaves(env):
    """Leave requests (hr.leave, the core list the department users' lists
    are compared with) over five years, about 20 a year for each generated
    employee: copies of the demo leaves moved to generated employees."""
    if "hr.leave" not in env:
        return
    moved = "make_interval(days => $age)"
    _spread(
        env,
        "hr.leave",
        200_000,
        ("validate", "refuse", "cancel"),
        {
            **_employee_columns(env),
            "date_from": f"s.date_from - {moved}",
            "date_to": f"s.date_to - {moved}",
            "request_date_from": "s.request_date_from - $age",
            "request_date_to": "s.request_date_to - $age",
            "create_date": f"s.create_date - {moved}",
        },
        copy_many2many=False,
    )


def _inbox(env):
    """INBOX_REVIEWS pending reviews in the approvals inbox of one leader:
    a pending leave request the leader reviews, copied for generated
    employees (later days), and its review copied onto each copy, with its
    reviewers (not scaled: the inbox of one busy leader)."""
    if "hr.leave" not in env or "tier.review" not in env:
        return
    leader = env["res.users"].search([("login", "=", INBOX_LEADER)])
    review = env["tier.review"].search(
        [
            ("model", "=", "hr.leave"),
            ("status", "=", "pending"),
            ("can_review", "=", True),
            ("reviewer_ids", "in", leader.ids),
        ],
        limit=1,
    )
    if not review:
        say(f"no pending leave reviewed by {INBOX_LEADER}: inbox not generated")
        return
    later = "make_interval(days => 1 + g % 120)"
    leaves = replicate(
        env["hr.leave"],
        [review.res_id],
        INBOX_REVIEWS,
        {
            **_employee_columns(env),
            "date_from": f"s.date_from + {later}",
            "date_to": f"s.date_to + {later}",
            "request_date_from": "s.request_date_from + 1 + g % 120",
            "request_date_to": "s.request_date_to + 1 + g % 120",
            "create_date": "s.create_date - make_interval(mins => g)",
        },
        copy_many2many=False,
    )
    env.cr.execute(f"CREATE INDEX ON {leaves} (g)")
    replicate(
        env["tier.review"],
        [review.id],
        INBOX_REVIEWS,
        {
            "res_id": f"(SELECT l.new_id FROM {leaves} l WHERE l.g = gen.g)",
            "create_date": "s.create_date - make_interval(mins => gen.g)",
        },
    )
    say(f"{INBOX_REVIEWS} pending leave reviews for {INBOX_LEADER}")


def _ledger_vals(entry):
    vals = {"seal_id": entry.seal_id.id}
    for name in entry._ledger_hash_fields:
        field, value = entry._fields[name], entry[name]
        if field.type == "many2one":
            value = value.id
        elif field.type == "many2many":
            value = [(6, 0, value.ids)]
        vals[name] = value
    return vals


def _seal_ledger(env):
    """Stamped requests copied in SQL, then one ledger entry each appended
    through the chain (the ledger allows one entry per request and seal)."""
    if "office.seal.ledger" not in env:
        return
    Ledger = env["office.seal.ledger"]
    samples = Ledger.search([("request_id", "!=", False)])
    total, batch = scale(100_000), 2000
    temp = replicate(
        env["office.seal.use.request"],
        samples.request_id.filtered(lambda r: r.state == "done").ids,
        total,
        {
            "name": "format('用印基准%s', g)",
            "create_date": "s.create_date - make_interval(days => g % 1825)",
        },
    )
    env.cr.execute(f"SELECT src_id, new_id FROM {temp} ORDER BY g")
    pairs = env.cr.fetchall()
    sample_by_request = {entry.request_id.id: _ledger_vals(entry) for entry in samples}
    for start in range(0, total, batch):
        vals_list = []
        for src_id, new_id in pairs[start : start + batch]:
            vals = dict(sample_by_request[src_id], request_id=new_id)
            vals_list.append(vals)
        Ledger._append(vals_list)
        env.invalidate_all()
    env.cr.execute("ANALYZE office_seal_ledger")
    say(f"office.seal.ledger: {total} stamped requests, entries appended to the chain")


def _partners(env):
    sources = env["res.partner"].search([("is_company", "=", True)], limit=20)
    replicate(
        env["res.partner"],
        sources.ids,
        scale(1_000_000),
        {
            "name": "format('基准单位%s', g)",
            "complete_name": "format('基准单位%s', g)",
            "ref": "format('P%s', g)",
        },
        copy_many2many=False,
    )
    say(f"res.partner: {scale(1_000_000)} baseline rows")


def main():
    with environment() as env:
        env = env(context=dict(env.context, tracking_disable=True))
        depts = _users(env)
        env.cr.commit()
        for part in (_incoming, _outgoing, _archive_items, _risk_events):
            part(env, depts)
            env.cr.commit()
        _trips(env)
        env.cr.commit()
        _seal_ledger(env)
        env.cr.commit()
        _partners(env)
        env.cr.commit()
        _leaves(env)
        env.cr.commit()
        _inbox(env)
        env.cr.commit()


if __name__ == "__main__":
    main()
