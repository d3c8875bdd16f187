using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Server;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>Issue 10, "DICOM statuses are decided in four places with two constant tables".</summary>
public class StatusMapperTests
{
    [Fact]
    public void Only_one_table_of_DIMSE_status_constants_regression()
    {
        // The bug: StoreScp had its own StoreStatus table beside DimseStatus, and four places picked codes.
        var node = typeof(VoxDose.StoreScp.Scp.NodeStoreHandler).Assembly;
        var tables = node.GetTypes()
            .Where(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                .Count(f => f.IsLiteral && f.FieldType == typeof(ushort)) >= 3)
            .Select(t => t.FullName).ToList();
        Assert.Empty(tables);
        Assert.Equal(DimseStatus.OutOfResources, StoreStatusMapper.StatusOf(StoreOutcome.OutOfResources));
    }
}
