import ArgumentParser

/// The root command: the console by default, and the scriptable commands beside it.
struct Authdesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authdesk",
        abstract: "A keyboard-driven console for helpdesk operators who manage users' MFA methods in Microsoft Entra ID and Auth0.",
        usage: """
            authdesk [--profile NAME] [--config FILE] [--read-only] [--ascii] [--no-color] [--ticket REF]
              authdesk sandbox serve [--port N] [--users N] [--seed N] [--latency-ms N] [--faults RATE]
                [--device-code-delay-ms N]
              authdesk users search QUERY [--top N] [--output table|json|csv]
              authdesk users show USER [--output table|json|csv]
              authdesk users block USER | users unblock USER
              authdesk users mfa-state USER [--set disabled|enabled|enforced]
              authdesk methods default USER --method push|oath|sms|voiceMobile|voiceAlternateMobile|voiceOffice
              authdesk methods list USER [--output table|json|csv]
              authdesk methods add-phone USER --type mobile|alternateMobile|office --number "+1 2065555555"
              authdesk methods update-phone USER --type TYPE --number NUMBER
              authdesk methods sms-sign-in USER --enable | --disable
              authdesk methods add-email USER ADDRESS
              authdesk methods update-email USER ADDRESS
              authdesk methods delete USER METHOD_ID
              authdesk tap create USER [--lifetime-minutes N] [--usable-once] [--start ISO8601]
              authdesk password reset USER [--generate | --password-stdin] [--no-wait]
              authdesk sessions revoke USER
              authdesk reset-mfa (USER... | --users-file FILE) [--policy portal|all] [--dry-run] [--yes]
                                 [--concurrency N] [--ticket T] [--output table|json|csv|jsonl]   (USER or TENANT:USER)
              authdesk jobs list | jobs show ID | jobs resume ID [--retry-failed] [--output table|json|csv|jsonl]
              authdesk journal [--since ISO8601] [--user USER] [--tenant NAME] [--ticket REF] [--output table|json|csv]
            """,
        discussion: """
            With no profile configured (no config file, no AZURE_* or AUTH0_* variables), authdesk starts its \
            embedded sandbox (an emulator of Graph, Entra sign-in and Auth0 on 127.0.0.1) and opens on its \
            'contoso' tenant.

            Configuration: $XDG_CONFIG_HOME/authdesk/config.toml (or --config FILE), with [profiles.NAME] tables \
            and default_profile; without a file, AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET or \
            AZURE_CLIENT_CERTIFICATE_PATH, AZURE_AUTHORITY_HOST and AUTHDESK_GRAPH_URL make a profile named \
            'env'; or AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET. Plain http:// is accepted for \
            loopback addresses only. State (journal, jobs): $XDG_STATE_HOME/authdesk/, or AUTHDESK_STATE_DIR.

            Commands that change something take --output table|json|csv as well and print what they changed, \
            --ticket REF (written with the change to the audit journal) and --force (send even when the \
            pre-flight knows the service will refuse). \
            A generated password or Temporary Access Pass is printed once, to standard output, and nowhere else.

            USER is an object id or user principal name (Graph), or a user id or e-mail (Auth0).

            Exit status: 0 all done; 1 some operations failed (each one reported); 2 bad usage or bad input \
            (nothing was sent); 3 sign-in failed; 4 refused (read-only, or the role does not allow it); 130 \
            interrupted (reset-mfa, jobs resume: the job is left paused; 'jobs resume ID' continues it).
            Progress goes to standard error, and only when it is a terminal; results go to standard output.
            """,
        subcommands: [
            ConsoleCommand.self, SandboxCommand.self, UsersCommand.self, MethodsCommand.self, TapCommand.self,
            PasswordCommand.self, SessionsCommand.self, ResetMfaCommand.self, JobsCommand.self, JournalCommand.self,
            UndoCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}
