from tipwatch.present.cli import main

main()
