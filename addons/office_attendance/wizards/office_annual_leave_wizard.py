from odoo import api, fields, models
from odoo.exceptions import UserError


class OfficeAnnualLeaveWizard(models.TransientModel):
    """The annual leave plan of the year (公休假摸底表): the entitlement of
    each employee from the years of service, less the exclusions, allocated
    as annual leave on Time Off (002 篇4 考勤管理制度 五: 个人公休假天数由政工股
    按政策核计, 并负责在年初制定公休假摸底表)."""

    _name = "office.annual.leave.wizard"
    _description = "Annual Leave Plan"

    year = fields.Integer(
        required=True, default=lambda self: self.env["office.calendar"].today().year
    )
    employee_ids = fields.Many2many("hr.employee", string="Employees")

    @api.model
    def _annual_type(self):
        leave_type = self.env["hr.leave.type"].search(
            [
                ("office_kind", "=", "annual"),
                ("company_id", "in", [False, self.env.company.id]),
            ],
            limit=1,
        )
        if not leave_type:
            raise UserError(self.env._("No time off type is marked as annual leave."))
        return leave_type

    def action_allocate(self):
        """Allocate the year's annual leave to the employees without one yet."""
        self.ensure_one()
        if not 2000 <= self.year <= 2100:
            raise UserError(self.env._("Choose a year between 2000 and 2100."))
        leave_type = self._annual_type()
        employees = self.employee_ids or self.env["hr.employee"].search(
            [("company_id", "=", self.env.company.id)]
        )
        start = f"{self.year}-01-01"
        done = (
            self.env["hr.leave.allocation"]
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("holiday_status_id", "=", leave_type.id),
                    ("date_from", "=", start),
                    ("state", "!=", "refuse"),
                ]
            )
            .employee_id
        )
        vals_list = []
        for employee in employees - done:
            days, reason = employee._office_annual_leave(self.year)
            if days > 0:
                vals_list.append(
                    {
                        "name": self.env._(
                            "Annual leave %(year)s (%(reason)s)",
                            year=self.year,
                            reason=reason,
                        ),
                        "employee_id": employee.id,
                        "holiday_status_id": leave_type.id,
                        "number_of_days": days,
                        "allocation_type": "regular",
                        "date_from": start,
                        "date_to": f"{self.year}-12-31",
                    }
                )
        allocations = self.env["hr.leave.allocation"].create(vals_list)
        allocations.filtered(lambda a: a.state == "confirm").action_approve()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.leave.allocation",
            "name": self.env._("Annual leave %(year)s", year=self.year),
            "view_mode": "list,form",
            "domain": [("id", "in", allocations.ids)],
        }
