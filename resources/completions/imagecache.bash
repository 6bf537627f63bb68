# bash completion for imagecache (installed to share/bash-completion/completions/imagecache)

_imagecache()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion || return
    else # without the bash-completion package: the plain words
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
    fi

    local globals="--provider --region --endpoint --project-id --signature-version --json
        --output --raw --timeout --verbose --account --store --help --version"
    case $prev in
        --provider) COMPREPLY=($(compgen -W "huawei alibaba" -- "$cur")); return ;;
        --signature-version) COMPREPLY=($(compgen -W "v3 v1" -- "$cur")); return ;;
        -o | --output) COMPREPLY=($(compgen -W "json yaml table wide" -- "$cur")); return ;;
        --auth) COMPREPLY=($(compgen -W "aksk iam" -- "$cur")); return ;;
        --elimination-strategy) COMPREPLY=($(compgen -W "LRU" -- "$cur")); return ;;
        --csv | --images-file | --file)
            if declare -F _filedir >/dev/null; then _filedir; else COMPREPLY=($(compgen -f -- "$cur")); fi
            return ;;
        --region | --endpoint | --project-id | --timeout | --account | --store | --since | \
            --name | --image | --size | --retention-days | --tag | --cluster | --pull-secret | \
            --security-group | --vswitch | --zone | --eip | --resource-group | --client-token | \
            --registry | --poll-interval | --wait-timeout | --page-size | --type | --namespace | \
            --image-version | --category | --source | --access-key-id | --iam-user | --iam-domain)
            return ;;
    esac

    # The group and command are the first two words that are not options or option values.
    local i group="" command="" skip=0
    for ((i = 1; i < cword; i++)); do
        if ((skip)); then skip=0; continue; fi
        case ${words[i]} in
            --json | --raw | --verbose | --help | --version | --wait | --flash | --bom | --one-line | \
                --secret-stdin | --secret-from-env) ;;
            --*=*) ;;
            --*) skip=1 ;;
            *) if [[ -z $group ]]; then group=${words[i]}; elif [[ -z $command ]]; then command=${words[i]}; fi ;;
        esac
    done

    if [[ -z $group ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$globals" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "caches images export journal accounts" -- "$cur"))
        fi
        return
    fi
    if [[ -z $command && $group != journal ]]; then
        case $group in
            caches) COMPREPLY=($(compgen -W "list show create update delete" -- "$cur")) ;;
            images) COMPREPLY=($(compgen -W "list show layers" -- "$cur")) ;;
            export) COMPREPLY=($(compgen -W "caches images" -- "$cur")) ;;
            accounts) COMPREPLY=($(compgen -W "list add remove import test" -- "$cur")) ;;
        esac
        return
    fi
    if [[ $group == accounts && $command == import && $cur != -* ]]; then
        COMPREPLY=($(compgen -W "aliyun koocli" -- "$cur"))
        return
    fi
    [[ $cur == -* ]] || return
    local more=""
    case "$group $command" in
        "caches list") more="--name --image --tag --resource-group --page-size" ;;
        "caches create" | "caches update")
            more="--name --image --images-file --size --retention-days --tag --cluster
                --pull-secret --security-group --vswitch --zone --eip --elimination-strategy
                --flash --resource-group --client-token --registry --wait --poll-interval
                --wait-timeout" ;;
        "caches delete") more="--wait --poll-interval --wait-timeout" ;;
        "images "*) more="--type --namespace --name --image-version --category --source --page-size" ;;
        "export caches") more="--csv --bom --one-line --name --image --tag --resource-group" ;;
        "export images") more="--csv --bom --one-line --type --namespace --name" ;;
        "accounts add")
            more="--name --auth --access-key-id --iam-user --iam-domain --secret-stdin
                --secret-from-env" ;;
        "accounts import") more="--file" ;;
        journal*) more="--since" ;;
    esac
    COMPREPLY=($(compgen -W "$globals $more" -- "$cur"))
} &&
    complete -F _imagecache imagecache
