from odoo import fields, models


class OfficeSecrecyTrainingAttendance(models.Model):
    _name = "office.secrecy.training.attendance"
    _description = "Secrecy Training Attendance"
    _order = "training_id, id"

    training_id = fields.Many2one(
        "office.secrecy.training", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="training_id.company_id", store=True, index=True, precompute=True
    )
    person_id = fields.Many2one(
        "office.secrecy.person", string="Cleared person", required=True, index=True
    )
    user_id = fields.Many2one(related="person_id.user_id", store=True, index=True)
    attended = fields.Boolean()
    score = fields.Integer(string="Test score")
    date = fields.Date(related="training_id.date", store=True)

    _sql_constraints = [
        (
            "person_unique",
            "UNIQUE(training_id, person_id)",
            "A person is listed once per training.",
        ),
    ]
