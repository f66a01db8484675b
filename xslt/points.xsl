<?xml version="1.0" encoding="UTF-8"?>
<!--
  points.xsl: 我的积分: the total, today's points by rule against the
  daily caps, the history, and the rankings: people of my unit, units of
  its department, streets and towns.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">我的积分</xsl:template>

  <xsl:template name="ranking">
    <xsl:param name="list"/>
    <xsl:param name="who"/>
    <xsl:param name="count" select="''"/>
    <div class="table-scroll">
      <table class="ranking">
        <thead>
          <tr>
            <th class="n">名次</th><th><xsl:value-of select="$who"/></th>
            <xsl:if test="$count != ''"><th class="n"><xsl:value-of select="$count"/></th></xsl:if>
            <th class="n">总积分</th>
            <xsl:if test="$count != ''"><th class="n">人均</th></xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$list/row">
            <tr>
              <xsl:if test="@mine"><xsl:attribute name="class">mine</xsl:attribute></xsl:if>
              <td class="n"><xsl:value-of select="@rank"/></td>
              <td>
                <xsl:value-of select="@name"/>
                <xsl:if test="not(@name)">未填写姓名</xsl:if>
                <xsl:if test="@key = 1"><span class="tag">重点单位</span></xsl:if>
              </td>
              <xsl:if test="$count != ''">
                <td class="n"><xsl:value-of select="@count"/></td>
              </xsl:if>
              <td class="n"><xsl:value-of select="@points"/></td>
              <xsl:if test="$count != ''">
                <td class="n"><xsl:value-of select="@avg"/><xsl:if test="not(@avg)">—</xsl:if></td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:choose>
      <xsl:when test="need-account">
        <section class="card narrow">
          <h1>我的积分</h1>
          <p>登录后，学习课程、练习答题和通过测试都能获得学习积分，并计入所在单位、部门和镇街的排名。</p>
          <p><a class="button" href="/account">登录或注册</a></p>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <section class="card">
          <h1>我的积分</h1>
          <p class="points-total"><l:m><strong><xsl:value-of select="points/@total"/></strong> 学习积分</l:m></p>
          <h2>今天</h2>
          <table class="rules">
            <thead><tr><th>项目</th><th class="n">每次</th><th class="n">今日已得 / 上限</th></tr></thead>
            <tbody>
              <xsl:for-each select="today/rule">
                <tr>
                  <td><xsl:value-of select="@name"/></td>
                  <td class="n"><xsl:value-of select="@points"/></td>
                  <td class="n"><xsl:value-of select="@earned"/> / <xsl:value-of select="@cap"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
          <p><a class="button secondary" href="/practice">去练习</a></p>
        </section>
        <xsl:if test="unit-ranking">
          <section class="card">
            <h2><l:m><xsl:value-of select="unit-ranking/@unit"/> 成员排名</l:m></h2>
            <xsl:call-template name="ranking">
              <xsl:with-param name="list" select="unit-ranking"/>
              <xsl:with-param name="who" select="'成员'"/>
            </xsl:call-template>
          </section>
        </xsl:if>
        <xsl:if test="department-ranking">
          <section class="card">
            <h2><l:m><xsl:value-of select="department-ranking/@department"/> 单位排名</l:m></h2>
            <xsl:call-template name="ranking">
              <xsl:with-param name="list" select="department-ranking"/>
              <xsl:with-param name="who" select="'单位'"/>
              <xsl:with-param name="count" select="'人数'"/>
            </xsl:call-template>
          </section>
        </xsl:if>
        <section class="card">
          <h2>镇街排名</h2>
          <p class="note">按个人信息中所选的镇街统计，每分钟更新。</p>
          <xsl:call-template name="ranking">
            <xsl:with-param name="list" select="region-ranking"/>
            <xsl:with-param name="who" select="'镇街'"/>
            <xsl:with-param name="count" select="'人数'"/>
          </xsl:call-template>
        </section>
        <section class="card">
          <h2>积分记录</h2>
          <xsl:choose>
            <xsl:when test="history/entry">
              <ul class="history">
                <xsl:for-each select="history/entry">
                  <li><span class="nowrap"><xsl:value-of select="@at"/></span> · <xsl:value-of select="@reason"/><xsl:text> </xsl:text><strong>+<xsl:value-of select="@amount"/></strong></li>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <xsl:otherwise><p class="note">还没有积分记录。</p></xsl:otherwise>
          </xsl:choose>
        </section>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
