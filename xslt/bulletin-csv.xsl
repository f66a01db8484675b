<?xml version="1.0" encoding="UTF-8"?>
<!--
  bulletin-csv.xsl: a published bulletin's tables as one CSV for Excel
  (csv.xsl): a first column says which table a line belongs to.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="stats-common.xsl"/>
  <xsl:import href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:include href="csv.xsl"/>

  <xsl:template name="cells">
    <xsl:param name="table"/>
    <xsl:param name="name"/>
    <xsl:param name="rest"/>
    <xsl:value-of select="$table"/><xsl:text>,</xsl:text>
    <xsl:call-template name="field"><xsl:with-param name="s" select="$name"/></xsl:call-template>
    <xsl:text>,</xsl:text><xsl:value-of select="$rest"/>
    <xsl:value-of select="$crlf"/>
  </xsl:template>

  <xsl:template match="/page">
    <xsl:variable name="f" select="figures"/>
    <xsl:text>&#xFEFF;</xsl:text>
    <xsl:choose>
      <xsl:when test="$f/@kind = 'weekly'">
        <xsl:text>表,名称,名次,人员数,注册数,注册率（%）,总分数,平均分</xsl:text><xsl:value-of select="$crlf"/>
        <xsl:for-each select="$f/ranking/department | $f/ranking/unit">
          <xsl:call-template name="cells">
            <xsl:with-param name="table"><xsl:choose><xsl:when test="self::department">行业部门</xsl:when><xsl:otherwise>重点单位</xsl:otherwise></xsl:choose></xsl:with-param>
            <xsl:with-param name="name" select="@name"/>
            <xsl:with-param name="rest" select="concat(@rank, ',', @headcount, ',', @registered, ',', @rate, ',', @points, ',', @average)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$f/towns/town">
          <xsl:call-template name="cells">
            <xsl:with-param name="table" select="'镇街'"/>
            <xsl:with-param name="name" select="@name"/>
            <xsl:with-param name="rest" select="concat(',', @population, ',', @registered, ',', @rate, ',', @points, ',', @average)"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$f/@kind = 'half-monthly'">
        <xsl:text>表,名称,月目标或人员数,计入或持有效蓝码,手动定位（不计入）,完成率或覆盖率（%）,状态</xsl:text><xsl:value-of select="$crlf"/>
        <xsl:for-each select="$f/stats/region">
          <xsl:variable name="state"><xsl:call-template name="state-name"><xsl:with-param name="s" select="@state"/></xsl:call-template></xsl:variable>
          <xsl:call-template name="cells">
            <xsl:with-param name="table" select="'镇街'"/>
            <xsl:with-param name="name" select="@name"/>
            <xsl:with-param name="rest" select="concat(@target, ',', @counted, ',', @manual, substring('0', 1, number(not(@manual))), ',', @completion, ',', $state)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$f/ranking/department">
          <xsl:call-template name="cells">
            <xsl:with-param name="table" select="'行业部门'"/>
            <xsl:with-param name="name" select="@name"/>
            <xsl:with-param name="rest" select="concat(@headcount, ',', @valid, ',,', @coverage, ',')"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>表,名称,答题数,答对,知晓率（%）</xsl:text><xsl:value-of select="$crlf"/>
        <xsl:for-each select="$f/awareness/region | $f/awareness/department | $f/awareness/category | $f/awareness/role">
          <xsl:call-template name="cells">
            <xsl:with-param name="table"><xsl:choose><xsl:when test="self::region">镇街</xsl:when><xsl:when test="self::department">行业部门</xsl:when><xsl:when test="self::category">知识类别</xsl:when><xsl:otherwise>人员类别</xsl:otherwise></xsl:choose></xsl:with-param>
            <xsl:with-param name="name">
              <xsl:choose>
                <xsl:when test="self::category"><xsl:call-template name="category-name"><xsl:with-param name="c" select="@code"/></xsl:call-template></xsl:when>
                <xsl:when test="self::department and not(@name)">未加入单位</xsl:when>
                <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="rest" select="concat(@questions, substring('0', 1, number(not(@questions))), ',', @correct, substring('0', 1, number(not(@correct))), ',', @rate)"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
