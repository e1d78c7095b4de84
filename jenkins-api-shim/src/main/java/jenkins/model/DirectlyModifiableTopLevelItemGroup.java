package jenkins.model;

import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;

/**
 * Shim of jenkins-core's {@code jenkins.model.DirectlyModifiableTopLevelItemGroup}. Not itself in reference.txt, but
 * named there among the interfaces of {@code jenkins.model.Jenkins}; declared so that Jenkins is an item group, as it
 * is through this interface's supertypes ({@code ModifiableTopLevelItemGroup}, an {@code ItemGroup<TopLevelItem>},
 * which the list does not name, so the shim links to {@code ItemGroup} directly). It declares no member.
 */
public interface DirectlyModifiableTopLevelItemGroup extends ItemGroup<TopLevelItem> {
}
