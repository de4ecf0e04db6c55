function __plenary_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __plenary_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __plenary_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __plenary_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __plenary_parse_tokens -S
    set -l unparsed_tokens (__plenary_tokens -pc)
    switch $unparsed_tokens[1]
    case 'plenary'
        __plenary_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'run'
            __plenary_parse_subcommand 2 'rehearse' 'speed=' 'results=' 'fresh' 'no-color' 'ascii' 'voter' 'group=' 'pin-hash=' 'socket=' 'web=' 'allow-group=' 'version' 'h/help'
        case 'attach'
            __plenary_parse_subcommand 1 'voter' 'audience' 'moderator' 'group=' 'socket=' 'pin-hash=' 'ascii' 'version' 'h/help'
        case 'ssh-setup'
            __plenary_parse_subcommand 1 'user=' 'group=' 'socket=' 'version' 'h/help'
        case 'validate'
            __plenary_parse_subcommand -r 1 'version' 'h/help'
        case 'merge'
            __plenary_parse_subcommand -r 2 'session=' 'version' 'h/help'
        case 'codes'
            __plenary_parse_subcommand 1 'count=' 'replace' 'version' 'h/help'
        case 'pin'
            __plenary_parse_subcommand 0 'version' 'h/help'
        case 'new'
            __plenary_parse_subcommand 1 'title=' 'date=' 'timezone=' 'venue=' 'start=' 'slots=' 'slot-minutes=' 'template=+' 'no-poll' 'version' 'h/help'
        case 'report'
            __plenary_parse_subcommand 1 'format=' 'output=' 'width=' 'version' 'h/help'
        case 'export'
            __plenary_parse_subcommand 1 'csv=' 'version' 'h/help'
        case 'help'
            __plenary_parse_subcommand -r 1 'version'
        end
    end
end

function __plenary_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __plenary_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __plenary_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __plenary_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__plenary_tokens -p)
    if test -z "$(__plenary_tokens -t)"
        set -l index (count (__plenary_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'plenary' -f
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary" version' -l 'version' -d 'Show the version.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary" -eq 1' -fa 'run' -d 'Run a workshop on the moderator screen.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary" -eq 1' -fa 'attach' -d 'Attach a voter kiosk, the projector\'s view, a moderator or a facilitator screen to a running workshop.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary" -eq 1' -fa 'ssh-setup' -d 'Print how to let participants vote from their own laptops with `ssh vote@<this laptop>`.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary" -eq 1' -fa 'validate' -d 'Check session files without starting the screen.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary" -eq 1' -fa 'merge' -d 'Bring working-group entries from facilitator laptops into the workshop\'s results.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary" -eq 1' -fa 'codes' -d 'Print a sheet of one-time voting codes for polls with `admission: codes`.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary" -eq 1' -fa 'pin' -d 'Make the moderator PIN\'s hash for a session file\'s `voter_pin`.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary" -eq 1' -fa 'new' -d 'Write a new, commented session file to fill in.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary" -eq 1' -fa 'report' -d 'Turn a results file into a report: agenda timing, every poll, every working group\'s entries.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary" -eq 1' -fa 'export' -d 'Write a results file\'s polls and working-group entries as CSV tables for a spreadsheet.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary run" -eq 1' -fa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" rehearse' -l 'rehearse' -d 'Rehearse: run the agenda on a clock that starts at its planned start today, with files of its own (<session>.rehearsal.*) that never touch the real record.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" speed' -l 'speed' -d 'With --rehearse: rehearsal minutes per real minute, 1 to 60 (default 1).' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" results' -l 'results' -d 'Where to write the results JSON (the journal goes next to it).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" fresh' -l 'fresh' -d 'Start over: keep the previous journal, results and exported report and CSV files under a dated name (local time).'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" no-color' -l 'no-color' -d 'No colours (also when NO_COLOR is set).'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" ascii' -l 'ascii' -d 'Draw with ASCII only (for terminals without Unicode fonts).'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" voter' -l 'voter' -d 'Start on the locked voter screen (needs a PIN: voter_pin in the session file, or --pin-hash).'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" group' -l 'group' -d 'Start as this working group\'s facilitator terminal (its id in the session file). Its files are <session>.<group>.results.json and .journal.jsonl unless --results says otherwise.' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" pin-hash' -l 'pin-hash' -d 'The moderator PIN\'s hash, as `plenary pin` prints it (overrides voter_pin).' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" socket' -l 'socket' -d 'Where the host listens for attached terminals (default: <session>.sock beside the results file). Not with --voter or --group.' -rF
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" web' -l 'web' -d 'Serve the phones\' voting page on the local network at [ADDRESS:]PORT (e.g. 8080, or 127.0.0.1:8080 for this machine only). The screen shows its address, room code and QR code.' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" allow-group' -l 'allow-group' -d 'Let members of this group attach too (the socket becomes mode 0660, group NAME), e.g. the account participants log into with ssh. You must be a member; the socket\'s folder must let the group in but not write. See `plenary ssh-setup`.' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" version' -l 'version' -d 'Show the version.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary run" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary attach" -eq 1' -fa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary attach" voter' -l 'voter' -d 'A locked voter kiosk.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary attach" audience' -l 'audience' -d 'The projector\'s audience view (not locked: q leaves).'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary attach" moderator' -l 'moderator' -d 'A moderator screen (asks for the moderator PIN; D detaches it).'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary attach" group' -l 'group' -d 'A facilitator\'s screen for this working group (its id in the session file): its entries are recorded by the host at once.' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary attach" socket' -l 'socket' -d 'The host\'s socket (default: <session>.sock beside the session file).' -rF
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary attach" pin-hash' -l 'pin-hash' -d 'The moderator PIN\'s hash, as `plenary pin` prints it (overrides voter_pin).' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary attach" ascii' -l 'ascii' -d 'Draw with ASCII only (for terminals without Unicode fonts).'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary attach" version' -l 'version' -d 'Show the version.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary attach" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary ssh-setup" -eq 1' -fa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary ssh-setup" user' -l 'user' -d 'The account participants log into.' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary ssh-setup" group' -l 'group' -d 'The group that may reach the host\'s socket (default: the account\'s own group, named like it).' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary ssh-setup" socket' -l 'socket' -d 'The host\'s socket, when `plenary run` is given --socket or --results (default: <session>.sock beside the session file).' -rF
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary ssh-setup" version' -l 'version' -d 'Show the version.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary ssh-setup" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary validate" -ge 1' -fa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary validate" version' -l 'version' -d 'Show the version.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary validate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary merge" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary merge" -ge 2' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary merge" session' -l 'session' -d 'The session file, when it is no longer where MAIN-RESULTS says it was run from.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary merge" version' -l 'version' -d 'Show the version.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary merge" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary codes" -eq 1' -fa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary codes" count' -l 'count' -d 'How many codes (1 to 10000).' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary codes" replace' -l 'replace' -d 'Replace an existing sheet (its codes stop working).'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary codes" version' -l 'version' -d 'Show the version.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary codes" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary pin" version' -l 'version' -d 'Show the version.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary pin" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary new" -eq 1' -fa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary new" title' -l 'title' -d 'The workshop\'s title (one line).' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary new" date' -l 'date' -d 'The day the agenda is for.' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary new" timezone' -l 'timezone' -d 'IANA time zone the agenda times are in, e.g. Europe/Madrid.' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary new" venue' -l 'venue' -d 'Where it takes place (one line).' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary new" start' -l 'start' -d 'Start time of the first slot; without it the agenda floats.' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary new" slots' -l 'slots' -d 'Number of agenda slots (1 to 40).' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary new" slot-minutes' -l 'slot-minutes' -d 'Length of each slot in minutes.' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary new"' -l 'template' -d 'A capture template for working groups (repeat for several).' -rfka 'action-concept swot challenge key-message free-notes'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary new" no-poll' -l 'no-poll' -d 'Leave out the sample polls.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary new" version' -l 'version' -d 'Show the version.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary new" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary report" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary report" format' -l 'format' -d 'markdown, text (plain, for a terminal) or html (one self-contained page).' -rfka 'markdown text html'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary report" output' -l 'output' -d 'Write the report to this file instead of standard output.' -rF
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary report" width' -l 'width' -d 'Columns for --format text (default: the terminal\'s width, or 80).' -rfka ''
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary report" version' -l 'version' -d 'Show the version.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary report" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_positional "plenary export" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary export" csv' -l 'csv' -d 'Folder to write the CSV files into.' -rfa '(__plenary_complete_directories)'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary export" version' -l 'version' -d 'Show the version.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'plenary' -n '__plenary_should_offer_completions_for_flags_or_options "plenary help" version' -l 'version' -d 'Show the version.'
