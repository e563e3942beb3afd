from odoo import fields, models


class OfficeSealStampWizardLine(models.TransientModel):
    _name = "office.seal.stamp.wizard.line"
    _description = "Seal Stamped"

    wizard_id = fields.Many2one(
        "office.seal.stamp.wizard", required=True, ondelete="cascade"
    )
    seal_id = fields.Many2one("office.seal", required=True, readonly=True)
    impressions = fields.Integer(required=True, default=1)
