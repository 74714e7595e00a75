import RegionKitCLI

RegionKitCLI.main()
