from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    office_secrecy_enforce = fields.Boolean(
        string="Enforce classification decisions",
        default=True,
        help="The confidentiality level of a record is set, changed or lifted only "
        "by an approved classification decision. A level given when a record is "
        "created protects it at once and is sent to the classification officer as "
        "a proposal.",
    )
    office_secrecy_received_models = fields.Char(
        string="Models with received markings",
        default="office.incoming.document,office.archive.item",
        help="Technical names, separated by commas, of the models whose level is "
        "copied from the sender's marking (incoming documents) or from the "
        "document they file (archive items): creating them with a level makes no "
        "proposal; later changes still need a decision.",
    )
    office_decontamination_core = fields.Integer(
        string="Decontamination period of core staff (years)", default=3
    )
    office_decontamination_important = fields.Integer(
        string="Decontamination period of important staff (years)", default=2
    )
    office_decontamination_general = fields.Integer(
        string="Decontamination period of general staff (years)", default=1
    )

    def _office_received_model_names(self):
        self.ensure_one()
        return {
            name.strip()
            for name in (self.office_secrecy_received_models or "").split(",")
            if name.strip()
        }
