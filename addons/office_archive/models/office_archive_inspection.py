import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

CHECKS = [
    ("fire", "Fire"),
    ("theft", "Theft"),
    ("light", "Light"),
    ("pests", "Pests"),
    ("rodents", "Rodents"),
    ("damp", "Damp"),
    ("heat", "Heat"),
    ("dust", "Dust"),
]


class OfficeArchiveInspection(models.Model):
    """A periodic 八防 inspection of a storage room: fire, theft, light,
    pests, rodents, damp, heat and dust, each found in order or not."""

    _name = "office.archive.inspection"
    _description = "Storage Room Inspection"
    _inherit = ["office.workflow.mixin"]
    _order = "date desc, id desc"
    _workflow_transitions = {"done": {"from": ("draft",), "to": "done"}}

    room_id = fields.Many2one(
        "office.archive.room", string="Storage room", required=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    inspector_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user
    )
    fire_ok = fields.Boolean(string="Fire prevention in order", default=True)
    theft_ok = fields.Boolean(string="Theft prevention in order", default=True)
    light_ok = fields.Boolean(string="Light protection in order", default=True)
    pests_ok = fields.Boolean(string="No pests", default=True)
    rodents_ok = fields.Boolean(string="No rodents", default=True)
    damp_ok = fields.Boolean(string="No damp", default=True)
    heat_ok = fields.Boolean(string="No heat", default=True)
    dust_ok = fields.Boolean(string="No dust", default=True)
    holiday_start = fields.Date(
        string="Before the holiday of",
        readonly=True,
        index=True,
        help="The first day off of the holiday period this security inspection "
        "is made before (002 篇6 机关档案保密制度 八).",
    )
    holiday_name = fields.Char(string="Holiday", readonly=True)
    findings = fields.Text()
    measures = fields.Text(string="Measures taken")
    problem_count = fields.Integer(compute="_compute_problem_count", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(related="room_id.company_id", store=True, index=True)

    @api.depends(*(f"{key}_ok" for key, _label in CHECKS))
    def _compute_problem_count(self):
        for inspection in self:
            inspection.problem_count = sum(
                not inspection[f"{key}_ok"] for key, _label in CHECKS
            )

    @api.depends("room_id", "date")
    def _compute_display_name(self):
        for inspection in self:
            inspection.display_name = (
                f"{inspection.room_id.name or ''} {inspection.date or ''}"
            )

    def action_done(self):
        return self._workflow_run("done")

    def _check_can_done(self):
        self.check_access("write")
        for inspection in self:
            if inspection.problem_count and not (inspection.findings or "").strip():
                raise UserError(
                    self.env._("Describe what was found wrong in the room.")
                )

    # ------------------------------------------------------------------
    # Security inspection before the holidays
    # ------------------------------------------------------------------

    @api.model
    def _cron_holiday_inspection(self):
        """002 篇6 机关档案保密制度 八: before each major holiday the archive
        staff check every safety measure. The company's number of working days
        before the next holiday period of the working-day calendar, each
        storage room gets an inspection and its keeper an activity due on the
        last working day before the holiday."""
        inspections = self.browse()
        for company in self.env["res.company"].search([]):
            inspections |= self.with_company(company)._holiday_inspections(company)
        return inspections

    def _holiday_inspections(self, company):
        calendar = self.env["office.calendar"]
        today = calendar.today(company)
        start, name = self._next_holiday_period(company, today)
        if not start:
            return self.browse()
        lead = max(company.archive_holiday_inspection_days, 1)
        if today < calendar.add_working_days(start, -lead, company=company):
            return self.browse()
        rooms = self.env["office.archive.room"].search(
            [("company_id", "=", company.id)]
        )
        done = self.search(
            [("holiday_start", "=", start), ("room_id", "in", rooms.ids)]
        ).room_id
        inspections = self.create(
            [
                {
                    "room_id": room.id,
                    "inspector_id": (room.keeper_id or self.env.user).id,
                    "date": calendar.add_working_days(start, -1, company=company),
                    "holiday_start": start,
                    "holiday_name": name,
                }
                for room in rooms - done
            ]
        )
        self._office_remind(
            [("id", "in", inspections.ids)],
            "office_archive.mail_act_office_archive_holiday_inspection",
            "inspector_id",
            deadline_field="date",
            summary=lambda i: self.env._(
                "Check the safety measures of %(room)s before %(holiday)s.",
                room=i.room_id.name,
                holiday=i.holiday_name,
            ),
        )
        return inspections

    @api.model
    def _next_holiday_period(self, company, today):
        """(first day off, name) of the next holiday period after `today`:
        the run of days off around the next public holiday of the calendar."""
        holiday = self.env["office.holiday"].search(
            [
                ("kind", "=", "holiday"),
                ("date", ">", today),
                "|",
                ("company_id", "=", False),
                ("company_id", "=", company.id),
            ],
            order="date",
            limit=1,
        )
        if not holiday:
            return False, False
        calendar = self.env["office.calendar"]
        start = holiday.date
        previous = start - datetime.timedelta(days=1)
        while previous > today and not calendar.is_working_day(previous, company):
            start, previous = previous, previous - datetime.timedelta(days=1)
        return start, holiday.name

    def _workflow_check_write(self, vals):
        res = super()._workflow_check_write(vals)
        if set(vals) - {"message_main_attachment_id"} and self.filtered(
            lambda i: i.state == "done"
        ):
            raise UserError(self.env._("A finished inspection cannot be changed."))
        return res
