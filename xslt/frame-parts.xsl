<?xml version="1.0" encoding="UTF-8"?>
<!--
  frame-parts.xsl: the brand bar or the footer alone, as a fragment
  (core/page.c): the input is a <page frame="bar|foot"> holding what the
  page hooks added and <session> without its token.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="frame.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/page[@frame = 'bar']"><xsl:call-template name="bar"/></xsl:template>
  <xsl:template match="/page[@frame = 'foot']"><xsl:call-template name="foot"/></xsl:template>
</xsl:stylesheet>
