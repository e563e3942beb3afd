from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from ..tools import current_caller
from .office_confidential_mixin import SECRECY_MARK, SECRECY_RANK

RANK_BY_MARK = {mark: SECRECY_RANK[level] for level, mark in SECRECY_MARK.items()}


class OfficeSecretAccessLog(models.Model):
    """Who read which classified record, when, through which channel and
    from which address. Entries are written by the system only and can never
    be changed; a reader sees the entries of records up to their own
    clearance (``secrecy_rank``, a record rule)."""

    _name = "office.secret.access.log"
    _description = "Classified Record Access Log"
    _check_company_auto = True
    _order = "id desc"

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    model = fields.Char(required=True, readonly=True, index=True)
    model_name = fields.Char(compute="_compute_model_name")
    res_id = fields.Many2oneReference(model_field="model", readonly=True, index=True)
    res_name = fields.Char(
        string="Record",
        compute="_compute_res_name",
        search="_search_res_name",
        help="The record's name for those who may read it; its kind and id "
        "otherwise (the log never keeps a title).",
    )
    secrecy_level = fields.Char(string="Confidentiality", readonly=True)
    secrecy_rank = fields.Integer(
        compute="_compute_secrecy_rank", store=True, index=True
    )
    channel = fields.Selection(
        [
            ("web", "Web client"),
            ("rpc", "External API"),
            ("report", "Report"),
            ("export", "Export"),
            ("other", "Other"),
        ],
        readonly=True,
    )
    ip_address = fields.Char(string="IP address", readonly=True)
    access_date = fields.Datetime(
        default=fields.Datetime.now, required=True, readonly=True, index=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    @api.depends("secrecy_level")
    def _compute_secrecy_rank(self):
        for log in self:
            mark = (log.secrecy_level or "").split("★")[0]
            log.secrecy_rank = RANK_BY_MARK.get(mark, 0)

    @api.depends("user_id", "model", "res_id")
    def _compute_display_name(self):
        # never the record's title: the auditor reads entries, not titles
        for log in self:
            log.display_name = (
                f"{log.user_id.name or ''} · {log.model_name} #{log.res_id}"
            )

    @api.depends_context("uid")
    def _compute_res_name(self):
        for log in self:
            record = (
                self.env[log.model].browse(log.res_id).exists()
                if log.model in self.env and log.res_id
                else None
            )
            if record and record._filtered_access("read"):
                log.res_name = record.display_name
            else:
                log.res_name = f"{log.model_name} #{log.res_id}"

    def _search_res_name(self, operator, value):
        """Entries of the records whose name matches, among those the user
        may read."""
        domains = [
            [
                ("model", "=", model),
                (
                    "res_id",
                    "in",
                    self.env[model]._search([("display_name", operator, value)]),
                ),
            ]
            for [model] in self.sudo()._read_group([], ["model"])
            if model in self.env
        ]
        return expression.OR(domains) if domains else expression.FALSE_DOMAIN

    def _compute_model_name(self):
        for log in self:
            log.model_name = self.env["ir.model"]._get(log.model).name or log.model

    @api.model
    def _log(self, records, user, channel=None):
        caller_channel, ip_address = current_caller()
        channel = channel or caller_channel
        self.sudo().create(
            [
                {
                    "user_id": user.id,
                    "model": record._name,
                    "res_id": record.id,
                    "secrecy_level": record.secrecy_mark,
                    "channel": channel,
                    "ip_address": ip_address,
                    # the agency of the record read (the reader's otherwise)
                    "company_id": (
                        "company_id" in record._fields and record.company_id.id
                    )
                    or self.env.company.id,
                }
                for record in records
            ]
        )

    def write(self, vals):
        if vals:
            raise AccessError(
                self.env._("The access log of classified records cannot be changed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_always(self):
        raise AccessError(
            self.env._("The access log of classified records cannot be deleted.")
        )
