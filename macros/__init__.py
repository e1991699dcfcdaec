"""mkdocs-macros module: placeholder until the widget renderer lands (owned by the runtime work)."""


def define_env(env) -> None:
    @env.macro
    def calculator(name: str) -> str:
        return f'<div class="legwork-calculator" data-calculator="{name}" data-state="static"></div>'
