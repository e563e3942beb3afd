from odoo import fields, models


class OfficeDocumentType(models.Model):
    """文种: the fifteen document types of the 2012 regulation on official
    documents of Party and government organs, plus custom ones.

    Upward types (请示, 报告) show the signer (签发人) and are signed by the
    principal leader; an order (命令/令) is numbered ``第×号``."""

    _name = "office.document.type"
    _description = "Official Document Type"
    _order = "sequence, id"

    name = fields.Char(required=True)
    code = fields.Char(help="Technical code, unique.")
    sequence = fields.Integer(default=10)
    is_upward = fields.Boolean(
        string="Upward document",
        help="Sent to a higher organ (请示, 报告): the signer is shown on the "
        "document and the principal leader signs it.",
    )
    is_letter = fields.Boolean(
        string="Signed by the leader in charge",
        help="Letters (函) are signed by the deputy leader in charge of the "
        "drafting department, other documents by the 局长 after the leader in "
        "charge's review (002 公文处理制度 二、三). Read by the sign-off steps "
        "(tier.definition) of outgoing documents.",
    )
    is_order = fields.Boolean(
        string="Order", help="Numbered “第12号” instead of “益财发〔2026〕12号”."
    )
    handling_days = fields.Integer(
        string="Handling days",
        default=10,
        help="Working days to handle an incoming document of this type when "
        "neither a leader nor an urgency rule sets its due date.",
    )
    description = fields.Text()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: shared by every agency.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a document type must be unique."),
        (
            "handling_days_positive",
            "CHECK(handling_days >= 0)",
            "Handling days cannot be negative.",
        ),
    ]
