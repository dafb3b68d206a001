using System.Net;
using System.Net.Sockets;

namespace NewsReader.Data.Subscriptions;

/// <summary>Where the app may fetch feeds from: public addresses only, unless <c>NewsReader:AllowPrivateFeedHosts</c>
/// says otherwise (the tests' own feed server is on loopback). Checked on the address the connection actually goes
/// to, after DNS, so a public name that resolves to a private address (or is rebound to one) is refused too.</summary>
public static class FeedHosts
{
    /// <summary>Whether an address is on the public internet: not loopback, private, link-local, unique-local, carrier-grade
    /// NAT, multicast, reserved or unspecified, and no IPv4-mapped form of those.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        var bytes = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (bytes[0] & 0xFE) == 0xFC
            || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8));
    }

    /// <summary>Connects to the first permitted address of the host (for <c>SocketsHttpHandler.ConnectCallback</c>).</summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var permitted = addresses.Where(a => allowPrivate || IsPublic(a)).ToList();
        if (permitted.Count == 0)
        {
            throw new HttpRequestException(addresses.Length == 0
                ? $"{endpoint.Host} has no address."
                : $"{endpoint.Host} is a private or local address, which feeds may not come from.");
        }

        SocketException? last = null;
        foreach (var address in permitted)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }

        throw new HttpRequestException($"could not connect to {endpoint.Host}: {last!.Message}", last);
    }
}
