# fish completion for imagecache (installed to share/fish/vendor_completions.d/imagecache.fish)

set -l groups caches images export journal accounts
complete -c imagecache -f
complete -c imagecache -n "not __fish_seen_subcommand_from $groups" -a caches -d 'Image caches'
complete -c imagecache -n "not __fish_seen_subcommand_from $groups" -a images -d 'Images and their layers'
complete -c imagecache -n "not __fish_seen_subcommand_from $groups" -a export -d 'Caches or images as CSV'
complete -c imagecache -n "not __fish_seen_subcommand_from $groups" -a journal -d 'The operation journal'
complete -c imagecache -n "not __fish_seen_subcommand_from $groups" -a accounts -d 'Stored accounts'

complete -c imagecache -n "__fish_seen_subcommand_from caches; and not __fish_seen_subcommand_from list show create update delete" -a 'list show create update delete'
complete -c imagecache -n "__fish_seen_subcommand_from images; and not __fish_seen_subcommand_from list show layers" -a 'list show layers'
complete -c imagecache -n "__fish_seen_subcommand_from export; and not __fish_seen_subcommand_from caches images" -a 'caches images'
complete -c imagecache -n "__fish_seen_subcommand_from accounts; and not __fish_seen_subcommand_from list add remove import test" -a 'list add remove import test'
complete -c imagecache -n "__fish_seen_subcommand_from import" -a 'aliyun koocli'

complete -c imagecache -l provider -x -a 'huawei alibaba' -d 'The cloud'
complete -c imagecache -l region -x -d 'Region, e.g. cn-north-4'
complete -c imagecache -l endpoint -x -d 'Base URL instead of the public hosts'
complete -c imagecache -l project-id -x -d 'Huawei project id'
complete -c imagecache -l signature-version -x -a 'v3 v1' -d 'Alibaba signature'
complete -c imagecache -l json -d 'The same as -o json'
complete -c imagecache -s o -l output -x -a 'json yaml table wide' -d 'The output form'
complete -c imagecache -l raw -d "The provider's own response objects"
complete -c imagecache -l timeout -x -d 'Network transfer timeout (ms)'
complete -c imagecache -l verbose -d 'Log requests on stderr'
complete -c imagecache -l account -x -d 'A stored account'
complete -c imagecache -l store -x -d 'The store URL'
complete -c imagecache -s h -l help -d 'Print the help'
complete -c imagecache -l version -d 'Print the version'
complete -c imagecache -n "__fish_seen_subcommand_from journal" -l since -x -d 'ISO 8601 date or date and time'
complete -c imagecache -n "__fish_seen_subcommand_from create update list" -l name -x -d 'Name'
complete -c imagecache -n "__fish_seen_subcommand_from create update list" -l image -x -d 'Image (repeatable)'
complete -c imagecache -n "__fish_seen_subcommand_from create update" -l images-file -r -F -d 'One image per line'
complete -c imagecache -n "__fish_seen_subcommand_from create update" -l size -x -d 'Size in GiB'
complete -c imagecache -n "__fish_seen_subcommand_from create update" -l retention-days -x -d 'Retention in days'
complete -c imagecache -n "__fish_seen_subcommand_from create update list" -l tag -x -d 'KEY=VALUE'
complete -c imagecache -n "__fish_seen_subcommand_from create" -l cluster -x -d 'CCE Autopilot cluster UID'
complete -c imagecache -n "__fish_seen_subcommand_from create" -l pull-secret -x -d 'NAMESPACE:SECRET'
complete -c imagecache -n "__fish_seen_subcommand_from create update" -l security-group -x
complete -c imagecache -n "__fish_seen_subcommand_from create update" -l vswitch -x
complete -c imagecache -n "__fish_seen_subcommand_from create update" -l zone -x
complete -c imagecache -n "__fish_seen_subcommand_from create update" -l eip -x
complete -c imagecache -n "__fish_seen_subcommand_from create update" -l elimination-strategy -x -a LRU
complete -c imagecache -n "__fish_seen_subcommand_from create update" -l flash
complete -c imagecache -n "__fish_seen_subcommand_from create update" -l resource-group -x
complete -c imagecache -n "__fish_seen_subcommand_from create update" -l client-token -x
complete -c imagecache -n "__fish_seen_subcommand_from create update" -l registry -x -d 'SERVER,USER'
complete -c imagecache -n "__fish_seen_subcommand_from create update delete" -l wait -d 'Follow the cache'
complete -c imagecache -n "__fish_seen_subcommand_from create update delete" -l poll-interval -x
complete -c imagecache -n "__fish_seen_subcommand_from create update delete" -l wait-timeout -x
complete -c imagecache -n "__fish_seen_subcommand_from export" -l csv -r -F -d 'Output file'
complete -c imagecache -n "__fish_seen_subcommand_from export" -l bom -d 'Byte order mark for Excel'
complete -c imagecache -n "__fish_seen_subcommand_from export" -l one-line -d 'Lists joined by "; "'
complete -c imagecache -n "__fish_seen_subcommand_from add" -l auth -x -a 'aksk iam'
complete -c imagecache -n "__fish_seen_subcommand_from add" -l access-key-id -x
complete -c imagecache -n "__fish_seen_subcommand_from add" -l iam-user -x
complete -c imagecache -n "__fish_seen_subcommand_from add" -l iam-domain -x
complete -c imagecache -n "__fish_seen_subcommand_from add" -l secret-stdin
complete -c imagecache -n "__fish_seen_subcommand_from add" -l secret-from-env
complete -c imagecache -n "__fish_seen_subcommand_from import" -l file -r -F
