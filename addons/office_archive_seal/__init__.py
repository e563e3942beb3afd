from . import models


def post_init_hook(env):
    """Register the deactivations approved before this addon was installed,
    in the language of the one who asked for them."""
    done = env["office.seal.deactivation"].sudo().search([("state", "=", "done")])
    for lang in set(done.requested_by_id.mapped("lang")) or {env.lang}:
        done.filtered(lambda r, lang=lang: r.requested_by_id.lang == lang).with_context(
            lang=lang
        )._office_archive_prepare()
