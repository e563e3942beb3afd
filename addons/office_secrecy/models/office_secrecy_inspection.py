from odoo import fields, models
from odoo.exceptions import UserError


class OfficeSecrecyInspection(models.Model):
    """A secrecy inspection (保密检查), routine or special, with its findings
    and the rectification notices they lead to.

    Its checks (``action_load_checks``) go over every piece of secrecy
    equipment and every secret computer of the inspected units, and over
    each unit for the bans on crossing secret and non-secret machines and
    media; each failed check becomes a finding, and the inspection closes
    only when every check has its result and every failure its finding.

    Rights: the secrecy office only (access rules)."""

    _name = "office.secrecy.inspection"
    _description = "Secrecy Inspection"
    _inherit = ["office.workflow.mixin", "mail.activity.mixin"]
    _workflow_deletable_states = ("draft",)
    _workflow_transitions = {
        "start": {
            "from": ("draft",),
            "to": "in_progress",
            "groups": ("office_secrecy.group_secrecy_office",),
        },
        "done": {
            "from": ("in_progress",),
            "to": "done",
            "groups": ("office_secrecy.group_secrecy_office",),
        },
    }
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [("routine", "Routine"), ("special", "Special")],
        required=True,
        default="routine",
        tracking=True,
    )
    date = fields.Date(
        required=True, default=lambda self: self.env["office.calendar"].today()
    )
    department_ids = fields.Many2many("hr.department", string="Departments inspected")
    inspector_ids = fields.Many2many("res.users", string="Inspectors")
    scope = fields.Text()
    finding_ids = fields.One2many(
        "office.secrecy.inspection.finding", "inspection_id", string="Findings"
    )
    open_finding_count = fields.Integer(compute="_compute_open_finding_count")
    check_ids = fields.One2many(
        "office.secrecy.inspection.check", "inspection_id", string="Checks"
    )
    failed_check_count = fields.Integer(compute="_compute_failed_check_count")
    state = fields.Selection(
        [("draft", "Planned"), ("in_progress", "In progress"), ("done", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def _compute_open_finding_count(self):
        for inspection in self:
            inspection.open_finding_count = len(
                inspection.finding_ids.filtered(lambda f: f.state != "rectified")
            )

    def _compute_failed_check_count(self):
        for inspection in self:
            inspection.failed_check_count = len(
                inspection.check_ids.filtered(lambda c: c.result == "fail")
            )

    def _check_checks_open(self):
        if self.filtered(lambda i: i.state != "in_progress"):
            raise UserError(
                self.env._("Checks are recorded while the inspection is in progress.")
            )

    def action_load_checks(self):
        """List what is to be checked: the equipment and the secret computers
        of the inspected units, and each unit."""
        self._check_checks_open()
        for inspection in self:
            inspection.check_ids = [
                fields.Command.create(vals) for vals in inspection._missing_checks()
            ]
        return True

    def _missing_checks(self):
        self.ensure_one()
        types = self.env["office.secrecy.check.type"].search(
            [
                "|",
                ("company_id", "=", False),
                ("company_id", "=", self.company_id.id),
            ]
        )
        scope = [("company_id", "=", self.company_id.id)]
        if self.department_ids:
            scope.append(("department_id", "child_of", self.department_ids.ids))
        equipment = self.env["office.secrecy.equipment"].search(
            scope + [("state", "=", "in_use")]
        )
        computers = self.env["office.secret.carrier"].search(
            scope
            + [("kind", "=", "computer"), ("state", "in", ("in_custody", "repair"))]
        )
        done = {
            (c.check_type_id, c.equipment_id, c.carrier_id, c.department_id)
            for c in self.check_ids
        }
        nothing = (
            self.env["office.secrecy.equipment"],
            self.env["office.secret.carrier"],
            self.env["hr.department"],
        )
        wanted = []
        for check_type in types:
            if check_type.subject == "equipment":
                wanted += [
                    (check_type, piece, nothing[1], nothing[2])
                    for piece in equipment
                    if check_type._applies_to_equipment(piece)
                ]
            elif check_type.subject == "computer":
                wanted += [(check_type, nothing[0], pc, nothing[2]) for pc in computers]
            else:
                wanted += [
                    (check_type, nothing[0], nothing[1], unit)
                    for unit in self.department_ids
                ]
        return [
            {
                "check_type_id": key[0].id,
                "equipment_id": key[1].id,
                "carrier_id": key[2].id,
                "department_id": key[3].id,
            }
            for key in wanted
            if key not in done
        ]

    def action_findings_from_checks(self):
        """A finding for every failed check that has none yet."""
        self._check_checks_open()
        Finding = self.env["office.secrecy.inspection.finding"]
        for check in self.check_ids.filtered(
            lambda c: c.result == "fail" and not c.finding_id
        ):
            check.finding_id = Finding.create(check._finding_vals())
        return True

    def action_start(self):
        return self._workflow_run("start")

    def action_done(self):
        return self._workflow_run("done")

    def _check_can_done(self):
        for inspection in self:
            inspection.check_ids._raise_if_unchecked()
            if inspection.check_ids.filtered(
                lambda c: c.result == "fail" and not c.finding_id
            ):
                raise UserError(
                    self.env._("Every failed check needs its finding first.")
                )
            if inspection.finding_ids.filtered(lambda f: f.state == "draft"):
                raise UserError(
                    self.env._(
                        "Issue the rectification notice of every finding before "
                        "closing the inspection."
                    )
                )

    def _do_done(self):
        self._workflow_set_state("done")
        for inspection in self:
            checked = inspection.check_ids.filtered(lambda c: c.result != "na")
            # the register shows when each piece was last inspected
            checked.equipment_id.write({"last_check_date": inspection.date})
            checked.carrier_id.write({"last_check_date": inspection.date})
        return True
