"""`followup completion bash|zsh|fish`: a completion script made from the parser itself, so every
verb and option completes as it is declared (files for file options, the choices of a choice)."""

from __future__ import annotations

import argparse
import shlex

from .parser import CHANNEL_WORDS, OUTCOME_WORDS, build_parser

__all__ = ["SHELLS", "run", "script"]

SHELLS = ("bash", "zsh", "fish")
#: Options whose value is a file or folder name.
_FILE_OPTIONS = {"--db", "-o", "--output", "--card", "--resume"}


def _verbs(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [action for action in parser._actions if action.option_strings]


#: Values of options that take one of a few words argparse does not check itself (the verb does).
_WORDS = {"--outcome": OUTCOME_WORDS, "--channel": CHANNEL_WORDS}


def _choices(action: argparse.Action) -> list[str]:
    if action.choices:
        return [str(choice) for choice in action.choices]
    return next((list(_WORDS[o]) for o in action.option_strings if o in _WORDS), [])


def _bash(parser: argparse.ArgumentParser) -> str:
    verbs = _verbs(parser)
    top = " ".join(o for a in _options(parser) for o in a.option_strings)
    cases, values = [], []
    for name, sub in verbs.items():
        words = " ".join(o for a in _options(sub) for o in a.option_strings)
        cases.append(f"      {name}) opts={shlex.quote(words)} ;;")
        for action in _options(sub):
            if _choices(action):
                for option in action.option_strings:
                    values.append(f"    {name}:{option}) words={shlex.quote(' '.join(_choices(action)))} ;;")
    files = "|".join(sorted(_FILE_OPTIONS))
    return f"""# followup completion for bash: eval "$(followup completion bash)"
_followup() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}} verb="" opts="" words="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case " {" ".join(verbs)} " in *" ${{COMP_WORDS[i]}} "*) verb=${{COMP_WORDS[i]}}; break ;; esac
  done
  case $prev in
    {files}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  case $verb:$prev in
{chr(10).join(values)}
  esac
  if [[ -n $words ]]; then COMPREPLY=($(compgen -W "$words" -- "$cur")); return; fi
  if [[ -z $verb ]]; then
    COMPREPLY=($(compgen -W {shlex.quote(" ".join(verbs) + " " + top)} -- "$cur")); return
  fi
  case $verb in
{chr(10).join(cases)}
  esac
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}}
complete -o default -F _followup followup
"""


def _zsh(parser: argparse.ArgumentParser) -> str:
    """zsh runs the bash function through its own bashcompinit, which ships with zsh."""
    head = (
        '# followup completion for zsh: eval "$(followup completion zsh)"\n'
        "(( $+functions[compdef] )) || { autoload -Uz compinit && compinit -i; }\n"
        "autoload -U +X bashcompinit && bashcompinit\n"
    )
    return head + _bash(parser).split("\n", 1)[1]


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish_option(action: argparse.Action, condition: str) -> str:
    parts = ["complete -c followup", f"-n {_fish_quote(condition)}"]
    for option in action.option_strings:
        parts.append(f"-l {option[2:]}" if option.startswith("--") else f"-s {option[1:]}")
    if set(action.option_strings) & _FILE_OPTIONS:
        parts.append("-r -F")
    elif _choices(action):
        parts.append(f"-x -a {_fish_quote(' '.join(_choices(action)))}")
    elif action.nargs != 0:
        parts.append("-x")
    if action.help and action.help != argparse.SUPPRESS:
        parts.append(f"-d {_fish_quote(action.help.split(';')[0][:60])}")
    return " ".join(parts)


def _fish(parser: argparse.ArgumentParser) -> str:
    verbs = _verbs(parser)
    lines = ["# followup completion for fish: followup completion fish | source", "complete -c followup -f"]
    lines += [_fish_option(action, "__fish_use_subcommand") for action in _options(parser)]
    helps = {
        a.dest: a.help for a in parser._actions if isinstance(a, argparse._SubParsersAction) for a in a._choices_actions
    }
    for name, sub in verbs.items():
        lines.append(
            f"complete -c followup -n __fish_use_subcommand -a {name} -d {_fish_quote((helps.get(name) or name)[:60])}"
        )
        lines += [_fish_option(action, f"__fish_seen_subcommand_from {name}") for action in _options(sub)]
    return "\n".join(lines) + "\n"


def script(shell: str) -> str:
    parser = build_parser()
    return {"bash": _bash, "zsh": _zsh, "fish": _fish}[shell](parser)


def run(args: argparse.Namespace) -> int:
    print(script(args.shell), end="")
    return 0
