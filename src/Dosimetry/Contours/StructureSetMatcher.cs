namespace VoxDose.Dosimetry.Contours;

/// <summary>
/// An RTSTRUCT applies to a PET (and so to its dose grid) only when it refers to the PET's Frame of Reference UID
/// (0020,0052). Otherwise the contours are in another coordinate system: VoxDose reports them as not applicable
/// with the reason and never guesses a registration.
/// </summary>
public static class StructureSetMatcher
{
    public static StructureSetMatch Match(StructureSet set, string? petFrameOfReferenceUid)
    {
        if (string.IsNullOrWhiteSpace(petFrameOfReferenceUid))
            return NotApplicable(set, "The PET has no Frame of Reference UID (0020,0052), so no contour can be placed on it.");

        var referenced = set.FrameOfReferenceUids
            .Concat(set.Rois.Select(r => r.ReferencedFrameOfReferenceUid).OfType<string>())
            .Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal).ToList();
        if (referenced.Count == 0)
            return NotApplicable(set, "The RTSTRUCT names no Frame of Reference (Referenced Frame of Reference Sequence (3006,0010) "
                + "and Referenced Frame of Reference UID (3006,0024) are absent), so it cannot be matched to the PET.");
        if (!referenced.Contains(petFrameOfReferenceUid, StringComparer.Ordinal))
            return NotApplicable(set, $"The RTSTRUCT refers to Frame of Reference {string.Join(", ", referenced)}, not to the PET's "
                + $"Frame of Reference UID {petFrameOfReferenceUid} (0020,0052): its contours are in another coordinate system and "
                + "are not applied (no registration is guessed).");

        var applicable = new List<StructureSetRoi>();
        var rejected = new List<RejectedRoi>();
        foreach (var roi in set.Rois)
        {
            if (roi.ReferencedFrameOfReferenceUid is { Length: > 0 } uid && !string.Equals(uid, petFrameOfReferenceUid, StringComparison.Ordinal))
                rejected.Add(new RejectedRoi(roi.Number, roi.Name,
                    $"ROI refers to Frame of Reference {uid} (3006,0024), not the PET's {petFrameOfReferenceUid}."));
            else if (!roi.Contours.Any(c => c.Type.EnclosesArea()))
                rejected.Add(new RejectedRoi(roi.Number, roi.Name, "ROI has no CLOSED_PLANAR contour (points or open contours only)."));
            else
                applicable.Add(roi);
        }
        return new StructureSetMatch(set, true, null, applicable, rejected);
    }

    private static StructureSetMatch NotApplicable(StructureSet set, string reason) =>
        new(set, false, reason, [], [.. set.Rois.Select(r => new RejectedRoi(r.Number, r.Name, reason))]);
}
