import datetime

from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

OFFICER = "office_attendance.group_attendance_officer"


class OfficeAttendanceDiscrepancy(models.Model):
    """A working day of an employee with neither a clock-in nor an approved
    leave form: the register does not match the forms and the office
    resolves it (002 篇4 考勤管理制度 七: 考勤台账与审批表相符). Found by a
    daily cron; resolved by the attendance officer with a reason, through
    the kernel's transition."""

    _name = "office.attendance.discrepancy"
    _description = "Attendance Discrepancy"
    _inherit = ["office.workflow.mixin"]
    _order = "date desc, employee_id"
    _check_company_auto = True
    _workflow_transitions = {
        "resolve": {
            "from": ("open",),
            "to": "resolved",
            "groups": (OFFICER,),
            "reason": True,
            "label": _lt("resolved"),
        },
        "absent": {
            "from": ("open",),
            "to": "absent",
            "groups": (OFFICER,),
            "reason": True,
            "label": _lt("recorded as absent"),
        },
    }
    _workflow_editable_states = ("open",)
    _workflow_locked_fields = ("employee_id", "date")
    _workflow_deletable_states = ()

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, check_company=True, readonly=True
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Department"
    )
    date = fields.Date(required=True, readonly=True, index=True)
    state = fields.Selection(
        [
            ("open", "To resolve"),
            ("resolved", "Resolved"),
            ("absent", "Absent (旷工)"),
        ],
        default="open",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        readonly=True,
    )

    _sql_constraints = [
        (
            "employee_date_uniq",
            "unique(employee_id, date)",
            "A day of an employee has one discrepancy at most.",
        ),
    ]

    @api.depends("employee_id", "date")
    def _compute_display_name(self):
        for record in self:
            record.display_name = f"{record.employee_id.name} {record.date or ''}"

    def action_resolve(self):
        return self._workflow_run("resolve")

    def action_absent(self):
        return self._workflow_run("absent")

    @api.model
    def _cron_detect(self, limit=2000):
        """Record the discrepancies of the last days up to yesterday."""
        company = self.env.company
        today = self.env["office.calendar"].today(company)
        date_to = today - datetime.timedelta(days=1)
        date_from = today - datetime.timedelta(days=company.office_discrepancy_days)
        employees = self.env["hr.employee"].search([("company_id", "=", company.id)])
        tally = self.env["office.attendance.tally"]._tally(
            employees, date_from, date_to
        )
        known = {
            (r["employee_id"][0], r["date"])
            for r in self.search_read(
                [("date", ">=", date_from), ("employee_id", "in", employees.ids)],
                ["employee_id", "date"],
            )
        }
        vals_list = [
            {"employee_id": employee_id, "date": day, "company_id": company.id}
            for employee_id, line in tally.items()
            for day in line["discrepancies"]
            if (employee_id, day) not in known
        ]
        records = self.create(vals_list[:limit])
        self.env["ir.cron"]._notify_progress(
            done=len(records), remaining=max(len(vals_list) - limit, 0)
        )
        return records
