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
        string="Decontamination period of core staff (years)",
        default=3,
        help="003 第九章 第四十四条: staff leaving a secret post sign the off-post "
        "commitment and are managed through a decontamination period (脱密期管理); "
        "core staff (核心涉密人员): 3 years.",
    )
    office_decontamination_important = fields.Integer(
        string="Decontamination period of important staff (years)",
        default=2,
        help="003 第九章 第四十四条: decontamination period (脱密期) of important "
        "staff (重要涉密人员): 2 years.",
    )
    office_decontamination_general = fields.Integer(
        string="Decontamination period of general staff (years)",
        default=1,
        help="003 第九章 第四十四条: decontamination period (脱密期) of general "
        "staff (一般涉密人员): 1 year.",
    )
    office_secrecy_rectification_days = fields.Integer(
        string="Rectification of an incident (days)",
        default=30,
        help="003 第九章 第四十七条: after a loss or leak of secrets the secrecy "
        "office has the loss assessed and the problems rectified (整改); the "
        "rectification is due this many days after the assessment unless a "
        "deadline is set.",
    )
    office_secrecy_max_copies = fields.Integer(
        string="Copies of a carrier per request",
        default=50,
        help="003 第九章 第四十六条 4: copying a secret carrier is approved (履行"
        "报批手续) and every copy is registered like the original; at most this "
        "many copies of each carrier per request.",
    )

    def _office_received_model_names(self):
        self.ensure_one()
        return {
            name.strip()
            for name in (self.office_secrecy_received_models or "").split(",")
            if name.strip()
        }
