from odoo import fields, models


class OfficeIncomingAssignment(models.Model):
    """One assignment (分办) of an incoming document and what became of it:
    undertaken by the lead department, or objected to (异议) and reassigned.
    Kept as the document's assignment history."""

    _name = "office.incoming.assignment"
    _description = "Incoming Document Assignment"
    _order = "assigned_at desc, id desc"
    _rec_name = "lead_department_id"

    document_id = fields.Many2one(
        "office.incoming.document", required=True, ondelete="cascade", index=True
    )
    lead_department_id = fields.Many2one(
        "hr.department", string="Lead department", required=True
    )
    co_department_ids = fields.Many2many(
        "hr.department",
        "office_incoming_assignment_co_department_rel",
        "assignment_id",
        "department_id",
        string="Co-departments",
    )
    assigned_by_id = fields.Many2one("res.users", string="Assigned by")
    assigned_at = fields.Datetime()
    objection_deadline = fields.Datetime()
    state = fields.Selection(
        [
            ("current", "Waiting for the department"),
            ("undertaken", "Undertaken"),
            ("objected", "Objected"),
        ],
        default="current",
        required=True,
        index=True,
    )
    objection_reason = fields.Text()
    decided_by_id = fields.Many2one("res.users", string="Decided by")
    decided_at = fields.Datetime(string="Decided at")
    company_id = fields.Many2one(related="document_id.company_id", store=True)
