using System.Net;

namespace NewsReader.Web.Hosting;

/// <summary>Settings that list addresses or networks (<c>NewsReader:KnownProxies</c>, <c>NewsReader:MetricsAllowedNetworks</c>),
/// separated by commas, semicolons or spaces; a wrong entry stops the start with its name.</summary>
internal static class AddressSettings
{
    /// <summary>Networks in CIDR notation (<c>10.0.0.0/8</c>) or single addresses.</summary>
    public static List<IPNetwork> Networks(IConfiguration configuration, string key) => Parse(configuration, key,
        text => IPNetwork.TryParse(text, out var network) ? (true, network)
            : IPAddress.TryParse(text, out var address) ? (true, new IPNetwork(address, address.GetAddressBytes().Length * 8))
            : (false, default), "an address or a network");

    public static List<IPAddress> Addresses(IConfiguration configuration, string key) => Parse(configuration, key,
        text => IPAddress.TryParse(text, out var address) ? (true, address) : (false, IPAddress.None), "an IP address");

    private static List<T> Parse<T>(IConfiguration configuration, string key, Func<string, (bool Parsed, T Value)> parse, string what) =>
        (configuration[key] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(text => parse(text) is (true, var value) ? value : throw new InvalidOperationException($"{key} holds \"{text}\", which is not {what}."))
            .ToList();
}
