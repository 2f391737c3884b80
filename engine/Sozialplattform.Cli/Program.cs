return Sozialplattform.Cli.CliApp.Run(args, Console.Out, Console.Error);
