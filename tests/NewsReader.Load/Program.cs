using NewsReader.Load;
using NewsReader.Load.Scenarios;

// The load tool: run by hand against a running app (docs/performance.md records its figures), never by the test command.
if (LoadOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var app = new AppClient(options.Url);
return options.Scenario switch
{
    "circuits" => await CircuitsScenario.RunAsync(options, app),
    "annotate" => await AnnotateScenario.RunAsync(options, app),
    _ => await MixScenario.RunAsync(options, app),
};
