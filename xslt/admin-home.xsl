<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-home.xsl: the admin home: who is signed in with what scope, the
  links that scope can use, the streets' targets (for the scopes that
  follow figures), recent activity (the district's).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="audit-names.xsl"/>

  <xsl:template match="/page" mode="title">管理首页</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>管理首页</h1>
      <p><l:m>
        <xsl:value-of select="session/admin/@name"/>
        <xsl:text>，你好。当前权限范围：</xsl:text>
        <xsl:apply-templates select="session/admin/@scope"/>
        <xsl:if test="scope/@name">
          <xsl:text>：</xsl:text>
          <xsl:value-of select="scope/@name"/>
        </xsl:if>
        <xsl:if test="session/admin/@scope = 'district'">
          <xsl:text>（</xsl:text>
          <xsl:value-of select="jurisdiction/@name"/>
          <xsl:text>）</xsl:text>
        </xsl:if>
      </l:m></p>
    </section>
    <xsl:variable name="district" select="session/admin/@scope = 'district'"/>
    <xsl:if test="$district">
      <section class="card">
        <h2>管理功能</h2>
        <ul class="admin-links">
          <li><a href="/admin/stats">推进目标完成情况</a></li>
          <li><a href="/admin/stats/awareness">消防安全知晓率</a></li>
          <li><a href="/admin/stats/questions">答错最多的题目</a></li>
          <li><a href="/admin/stats/units">行业部门与重点单位排名</a></li>
          <li><a href="/admin/stats/growth">增长情况</a></li>
          <li><a href="/admin/bulletins">通报（每周、半月、年度）</a></li>
          <li><a href="/admin/codes">蓝码查询与撤销</a></li>
          <li><a href="/admin/questions">题库管理</a></li>
          <li><a href="/admin/banks">题库版本、导入与导出</a></li>
          <li><a href="/admin/reports">题目反馈</a></li>
          <li><a href="/admin/roles">角色与答题设置</a></li>
          <li><a href="/admin/regions">镇街常住人口</a></li>
          <li><a href="/admin/departments">行业部门</a></li>
          <li><a href="/admin/units">单位审核与重点单位</a></li>
          <li><a href="/admin/people">居民账号与重设密码</a></li>
          <li><a href="/admin/points">学习积分规则</a></li>
          <li><a href="/admin/courses">课程与课时</a></li>
          <li><a href="/admin/hazards">隐患曝光：审核、交办、整改</a></li>
          <li><a href="/admin/visits">消防站参观</a></li>
          <li><a href="/admin/aid">火灾烧伤救助申请</a></li>
          <li><a href="/admin/training">培训预约</a>（<a href="/admin/training/setup">讲师与节假日</a>）</li>
          <li><a href="/admin/admins">管理员账号</a></li>
          <li><a href="/admin/audit">操作记录</a></li>
          <li><a href="/admin/access">个人信息查看记录</a></li>
        </ul>
      </section>
    </xsl:if>
    <xsl:if test="session/admin/@scope = 'department'">
      <section class="card">
        <h2>管理功能</h2>
        <ul class="admin-links">
          <li><a href="/admin/units">本行业单位的审核</a></li>
          <li><a href="/admin/stats/units">行业部门与重点单位排名</a></li>
          <li><a href="/admin/stats/awareness">本行业消防安全知晓率</a></li>
          <li><a href="/admin/bulletins">通报</a></li>
        </ul>
      </section>
    </xsl:if>
    <xsl:if test="session/admin/@scope = 'street'">
      <section class="card">
        <h2>管理功能</h2>
        <ul class="admin-links">
          <li><a href="/admin/stats">本镇街推进目标完成情况</a></li>
          <li><a href="/admin/stats/awareness">本镇街消防安全知晓率</a></li>
          <li><a href="/admin/stats/questions">本镇街答错最多的题目</a></li>
          <li><a href="/admin/hazards">本镇街的隐患曝光</a></li>
          <li><a href="/admin/aid">本镇街火灾烧伤救助申请</a></li>
          <li><a href="/admin/training">本镇街培训预约</a></li>
          <li><a href="/admin/stats/units">行业部门与重点单位排名</a></li>
          <li><a href="/admin/bulletins">通报</a></li>
        </ul>
      </section>
    </xsl:if>
    <xsl:if test="session/admin/@scope = 'unit' and scope/@name">
      <section class="card">
        <h2>管理功能</h2>
        <ul class="admin-links">
          <li><a href="/admin/stats/units/{scope/@id}">本单位的人员与学习情况</a></li>
        </ul>
      </section>
    </xsl:if>
    <xsl:if test="session/admin/@scope = 'station' and scope/@name">
      <section class="card">
        <h2>管理功能</h2>
        <ul class="admin-links">
          <li><a href="/admin/visits">本站参观开放时段、预约与到场登记</a></li>
        </ul>
      </section>
    </xsl:if>
    <xsl:if test="regions">
    <section class="card">
      <h2>各镇街推进目标</h2>
      <p class="note">按每月不少于常住人口 1% 的进度推进。<xsl:if test="$district"><a href="/admin/regions">修改常住人口</a></xsl:if></p>
      <table class="regions">
        <thead>
          <tr><th>镇街</th><th class="n">常住人口</th><th class="n">每月目标</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="regions/region">
            <tr>
              <td><xsl:value-of select="@name"/></td>
              <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@population"/><xsl:with-param name="none" select="'未录入'"/></xsl:call-template></td>
              <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@target"/><xsl:with-param name="none" select="'未录入'"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
        <tfoot>
          <tr>
            <th>合计</th>
            <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="regions/@population"/></xsl:call-template></td>
            <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="regions/@target"/></xsl:call-template></td>
          </tr>
        </tfoot>
      </table>
      <xsl:if test="regions/@unknown &gt; 0">
        <p class="note"><l:m>有 <xsl:value-of select="regions/@unknown"/> 个镇街的常住人口尚未录入，合计只含已录入的镇街；录入后才有每月目标。</l:m></p>
      </xsl:if>
    </section>
    </xsl:if>
    <xsl:if test="audit">
    <section class="card">
      <h2>最近操作记录</h2>
      <p><a href="/admin/audit">查看全部操作记录</a></p>
      <div class="scroll" tabindex="0">
        <table class="log records">
          <thead><tr><th>时间</th><th>账号</th><th>操作</th><th>对象</th><th>IP</th></tr></thead>
          <tbody>
            <xsl:for-each select="audit/entry">
              <tr>
                <td><xsl:value-of select="@at"/></td>
                <td><xsl:value-of select="@admin"/></td>
                <td><xsl:apply-templates select="@action"/></td>
                <td><xsl:value-of select="@object"/></td>
                <td><xsl:value-of select="@ip"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="@scope">
    <xsl:choose>
      <xsl:when test=". = 'district'">全区·消安委办公室</xsl:when>
      <xsl:when test=". = 'street'">镇街</xsl:when>
      <xsl:when test=". = 'department'">行业部门</xsl:when>
      <xsl:when test=". = 'unit'">单位</xsl:when>
      <xsl:when test=". = 'station'">消防救援站</xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
